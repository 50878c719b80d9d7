package org.conference.meeting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * For live tests of the plumbing around the state machine: wraps the application's {@link MeetingRules} (which still
 * decide everything) so a test sees every input the state machine applied, and gives a few test-only digit strings
 * an effect of their own on top of the rules, so deadlines and refusals can be put on a meeting through the real
 * path (edge event, lobby, meeting request, writer, relay) before any rule produces them:
 * {@code D:<name>:<epochMillis>} sets a deadline, {@code C:<name>} clears one, {@code R:<reason>} refuses the
 * caller. A {@link MeetingInput.Tick} removes every deadline due, as the rules promise to (issue 11's design).
 * Registered as a bean, it wraps the rules as Spring creates them.
 */
public final class RulesProbe implements BeanPostProcessor {

    private final Queue<MeetingInput> applied = new ConcurrentLinkedQueue<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof MeetingRules)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            Object[] arguments = invocation.getArguments();
            if ("apply".equals(invocation.getMethod().getName()) && arguments.length == 4) {
                after((Outcome.Builder) arguments[0], (MeetingInput) arguments[1], (Long) arguments[2]);
            }
            return result;
        });
        return proxy.getProxy(MeetingRules.class.getClassLoader());
    }

    /** Every input applied so far, in order, including those of decisions that lost a race and were made again. */
    public List<MeetingInput> applied() {
        return new ArrayList<>(applied);
    }

    private void after(Outcome.Builder effects, MeetingInput input, long now) {
        applied.add(input);
        Conference meeting = effects.conference();
        if (meeting == null) {
            return;
        }
        if (input instanceof MeetingInput.Tick) {
            Conference next = meeting;
            for (Map.Entry<String, Long> deadline : meeting.deadlines().entrySet()) {
                next = deadline.getValue() <= now ? next.withoutDeadline(deadline.getKey()) : next;
            }
            effects.become(next);
        } else if (input instanceof MeetingInput.Dtmf dtmf && meeting.participant(dtmf.callId()).isPresent()) {
            String[] command = dtmf.digits().split(":");
            if (command[0].equals("D") && command.length == 3) {
                effects.become(meeting.withDeadline(command[1], Long.parseLong(command[2])));
            } else if (command[0].equals("C") && command.length == 2) {
                effects.become(meeting.withoutDeadline(command[1]));
            } else if (command[0].equals("R") && command.length == 2) {
                effects.refuse(dtmf.callId(), command[1]);
            }
        }
    }
}
