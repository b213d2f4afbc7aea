package dev.itsm.core.major.internal;

import dev.itsm.core.major.MajorIncident;

/** The process side of major incidents. Internal: no compatibility guarantees. */
public interface MajorIncidentWorkflow {

  /** Does nothing: unit tests without an engine. */
  MajorIncidentWorkflow NONE = new MajorIncidentWorkflow() {
    @Override public void started(MajorIncident m) {}
    @Override public void updatePosted(MajorIncident m) {}
    @Override public void resolved(MajorIncident m) {}
    @Override public void reviewed(MajorIncident m) {}
    @Override public void cancelled(MajorIncident m) {}
  };

  /** @param m promoted: start the cadence process, stop the incident's auto-close */
  void started(MajorIncident m);

  /** @param m an update was posted: re-arm the cadence timer */
  void updatePosted(MajorIncident m);

  /** @param m the incident was resolved: stop the cadence, open the review */
  void resolved(MajorIncident m);

  /** @param m the review is done */
  void reviewed(MajorIncident m);

  /** @param m the incident was cancelled */
  void cancelled(MajorIncident m);
}
