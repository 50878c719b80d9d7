package org.conference.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A real edge (ARCHITECTURE.md §6): phones over SIP/RTP, Kafka to the platform, one audio mix per meeting. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SipEdgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(SipEdgeApplication.class, args);
    }
}
