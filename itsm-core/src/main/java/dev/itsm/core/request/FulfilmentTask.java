package dev.itsm.core.request;

/**
 * One fulfilment task of a catalog item: what is done and by which group. Tasks of the same stage
 * run in parallel; stages run one after the other (see {@link CatalogItem.Builder#sequential} and
 * {@link CatalogItem.Builder#parallel}).
 *
 * @param name what is done, e.g. {@code Order hardware}
 * @param group the group that does it
 * @param stage its stage, from 1
 */
public record FulfilmentTask(String name, String group, int stage) {

  /**
   * @param name what is done
   * @param group the group that does it
   * @return a task; its stage is given by the builder that takes it
   */
  public static FulfilmentTask of(String name, String group) {
    return new FulfilmentTask(name, group, 0);
  }
}
