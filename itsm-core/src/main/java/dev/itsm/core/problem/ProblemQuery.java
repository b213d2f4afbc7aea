package dev.itsm.core.problem;

import java.util.List;

/** A fluent query over problems, newest first; restrictions combine with AND. */
public interface ProblemQuery {

  /** @param states any of these @return this */
  ProblemQuery state(ProblemState... states);

  /** @param manager the problem manager @return this */
  ProblemQuery problemManager(String manager);

  /** @param incident linked to this incident @return this */
  ProblemQuery linkedIncident(String incident);

  /** @param change fixed by this change @return this */
  ProblemQuery fixChange(String change);

  /** @param category the category @return this */
  ProblemQuery category(String category);

  /** @param service the service @return this */
  ProblemQuery service(String service);

  /** @param configurationItem the configuration item @return this */
  ProblemQuery configurationItem(String configurationItem);

  /** @param proactive proposed by detection (true) or logged by a user (false) @return this */
  ProblemQuery proactive(boolean proactive);

  /** @param pageIndex from 0 @param pageSize 1..1000, default 50 @return this */
  ProblemQuery page(int pageIndex, int pageSize);

  /** @return the matches */
  List<Problem> list();

  /** @return how many match */
  long count();
}
