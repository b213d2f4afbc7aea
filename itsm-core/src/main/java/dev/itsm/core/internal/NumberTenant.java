package dev.itsm.core.internal;

import dev.itsm.core.Actor;
import java.util.Locale;
import java.util.Set;

/**
 * The tenant a record number belongs to, read from the number itself: numbers of tenants other
 * than the default carry the tenant as prefix ({@link AccessGuard#number}, e.g.
 * {@code ACME-INC0000001}); tenant ids have no hyphen, so the prefix is unambiguous. Used where a
 * practice is handed the number of another practice's record (a linked change, an incident a
 * known error is offered to) and must stay within one tenant. Internal: no compatibility
 * guarantees.
 */
public final class NumberTenant {

  private NumberTenant() {}

  /**
   * @param number a record number
   * @param tenants the declared tenants
   * @return the tenant whose prefix the number carries, or the default tenant
   */
  public static String of(String number, Set<String> tenants) {
    int dash = number == null ? -1 : number.indexOf('-');
    if (dash > 0) {
      String prefix = number.substring(0, dash).toLowerCase(Locale.ROOT);
      if (!Actor.DEFAULT_TENANT.equals(prefix) && tenants.contains(prefix)
          && AccessGuard.number(prefix, "").equals(number.substring(0, dash + 1))) {
        return prefix;
      }
    }
    return Actor.DEFAULT_TENANT;
  }
}
