package org.conference.gateway.balancing;

import org.conference.gateway.support.Failures;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * Hears from the load balancer how each request to a chosen instance ended (gateway routes and the authentication
 * client alike) and quarantines an instance that refused the connection.
 */
public class ConnectFailureRecorder implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private final InstanceHealth health;

    public ConnectFailureRecorder(InstanceHealth health) {
        this.health = health;
    }

    @Override
    public boolean supports(Class requestContextClass, Class responseClass, Class serverTypeClass) {
        return ServiceInstance.class.isAssignableFrom(serverTypeClass);
    }

    @Override
    public void onStart(Request<Object> request) {
    }

    @Override
    public void onStartRequest(Request<Object> request,
            Response<ServiceInstance> lbResponse) {
    }

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
        Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
        if (completion.status() == CompletionContext.Status.FAILED && chosen != null && chosen.hasServer()
                && completion.getThrowable() != null && Failures.isConnectFailure(completion.getThrowable())) {
            health.markDown(chosen.getServer());
        }
    }
}
