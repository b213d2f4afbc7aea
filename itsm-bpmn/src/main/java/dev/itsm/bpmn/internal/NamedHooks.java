package dev.itsm.bpmn.internal;

import dev.itsm.bpmn.contract.DiagramValidator;
import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.spi.HookContext;
import dev.itsm.core.spi.HookPoint;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * The bean {@code itsmHook}: a service task or execution listener with the delegate expression
 * {@code ${itsmHook}} calls the host's hook point named by the element's extension property
 * {@code itsm.hook}.
 */
public final class NamedHooks implements JavaDelegate, ExecutionListener {

  private final Map<String, HookPoint> hooks;

  /** @param hooks the registered hook points by name */
  public NamedHooks(Map<String, HookPoint> hooks) {
    this.hooks = Map.copyOf(hooks);
  }

  @Override
  public void execute(DelegateExecution execution) {
    call(execution);
  }

  @Override
  public void notify(DelegateExecution execution) {
    call(execution);
  }

  private void call(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    String name = element == null ? null : DiagramValidator.property((BaseElement) element,
        DiagramValidator.HOOK);
    HookPoint hook = name == null ? null : hooks.get(name);
    if (hook == null) {
      // deploy-time validation prevents this; a diagram deployed around the library could not
      throw new ItsmConfigurationException("Element " + execution.getCurrentActivityId()
          + " calls the hook point '" + name + "', which is not registered");
    }
    String key = execution.getProcessDefinitionId() == null ? null
        : execution.getProcessDefinitionId().split(":")[0];
    hook.call(new HookContext(name, key, execution.getCurrentActivityId(),
        execution.getProcessBusinessKey(), execution.getVariables()));
  }
}
