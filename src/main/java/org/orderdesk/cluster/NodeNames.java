package org.orderdesk.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.orderdesk.event.NodeName;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names this node: the host, and a random part that a restart or a second node on the host changes. */
@Configuration(proxyBeanMethods = false)
class NodeNames {

    @Bean
    NodeName nodeName() {
        return new NodeName(host() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
