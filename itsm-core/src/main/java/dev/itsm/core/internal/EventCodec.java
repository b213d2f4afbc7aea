package dev.itsm.core.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.itsm.core.ItsmEvent;

/**
 * Turns events into JSON for the outbox and back. Only event classes of this library are read
 * back. Internal: no compatibility guarantees.
 */
public final class EventCodec {

  // made on first use: hosts without after-commit listeners never load Jackson (a few hundred
  // classes, some 150 ms of a cold start)
  private volatile ObjectMapper mapper;

  private ObjectMapper mapper() {
    ObjectMapper m = mapper;
    if (m == null) {
      m = newMapper();
      mapper = m;
    }
    return m;
  }

  private static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
  }

  /**
   * @param event an event
   * @return its JSON
   */
  public String encode(ItsmEvent event) {
    try {
      return mapper().writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.getClass().getName()
          + " to the outbox", e);
    }
  }

  /**
   * @param type the event's class name
   * @param json its JSON
   * @return the event
   */
  public ItsmEvent decode(String type, String json) {
    if (!type.startsWith("dev.itsm.")) {
      throw new IllegalArgumentException("not an ITSM event type: " + type);
    }
    try {
      Class<?> cls = Class.forName(type, false, EventCodec.class.getClassLoader());
      if (!ItsmEvent.class.isAssignableFrom(cls)) {
        throw new IllegalArgumentException("not an ITSM event type: " + type);
      }
      return (ItsmEvent) mapper().readValue(json, cls);
    } catch (ClassNotFoundException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read a " + type + " from the outbox", e);
    }
  }
}
