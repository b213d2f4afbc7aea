package dev.itsm.core;

/** No record has the given number. */
public final class RecordNotFoundException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String recordNumber;

  /** @param recordNumber the number that was looked up */
  public RecordNotFoundException(String recordNumber) {
    super("ITSM-NOT-FOUND", "No record " + recordNumber
        + " exists; check the number (e.g. INC0000001) or query for it first");
    this.recordNumber = recordNumber;
  }

  /** @return the number that was looked up */
  public String recordNumber() {
    return recordNumber;
  }
}
