package dev.itsm.core.spi;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.major.MajorIncident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of major incidents and their children; works in the caller's transaction. */
public interface MajorIncidentStore {

  /** @param m a newly promoted incident (version 1, no children), with its tenant */
  void insert(MajorIncident m);

  /**
   * @param m the major incident with {@code version} one higher than stored (children ignored)
   * @throws ConcurrentModificationException when the stored version is not {@code version - 1}
   */
  void update(MajorIncident m);

  /** @param number an incident @return its major incident record, with children */
  Optional<MajorIncident> find(String number);

  /** @param parent a major incident @param child a child @param at when */
  void linkChild(String parent, String child, Instant at);

  /** @param child an incident @return the major incident it is a child of */
  Optional<String> parentOf(String child);

  /**
   * @param tenant only major incidents of this tenant; {@code null}: any tenant (the library's
   *     own use)
   * @return major incidents not yet reviewed, newest first
   */
  List<MajorIncident> active(String tenant);
}
