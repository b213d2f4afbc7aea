package dev.itsm.bpmn.internal;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Refuses every object variable, so no process variable is ever Java-serialised (or serialised
 * in any other format). Camunda's {@code javaSerializationFormatEnabled=false} only refuses
 * variables given in serialised form; an object given as such would still be Java-serialised.
 * Registered first among the engine's serializers; values of primitive types, strings, dates,
 * bytes, files and {@code null} are left to Camunda's own serializers. Internal.
 */
public final class ObjectVariablesRefused implements TypedValueSerializer<TypedValue> {

  /**
   * The serializer's name and data format; no variable is ever stored under it. The engine's
   * default serialisation format must be this, so that the engine picks this serializer over its
   * Java serializer when both can handle a value.
   */
  public static final String NAME = "itsm-object-variables-refused";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public ValueType getType() {
    return ValueType.OBJECT;
  }

  @Override
  public boolean canHandle(TypedValue value) {
    if (value.getType() != null) {
      return value.getType() == ValueType.OBJECT;
    }
    Object v = value.getValue();
    return v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean
        || v instanceof Date || v instanceof byte[]);
  }

  @Override
  public void writeValue(TypedValue value, ValueFields fields) {
    Object v = value.getValue();
    throw new ProcessEngineException("Refused the process variable '" + fields.getName()
        + "' of type " + (v == null ? value.getType() : v.getClass().getName())
        + ": the ITSM engine keeps only primitives, strings and dates in variables, never"
        + " serialised objects; keep business data on the ITSM record");
  }

  @Override
  public TypedValue readValue(ValueFields fields, boolean deserialize, boolean isTransient) {
    throw new ProcessEngineException("No variable is stored by " + NAME);
  }

  @Override
  public TypedValue convertToTypedValue(UntypedValueImpl untyped) {
    return untyped;
  }

  @Override
  public String getSerializationDataformat() {
    return NAME;
  }

  @Override
  public boolean isMutableValue(TypedValue value) {
    return false;
  }
}
