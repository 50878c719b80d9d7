package org.conference.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stands in for the SIP/media edge (ARCHITECTURE.md §6, §6a): phone calls over HTTP, Kafka to the platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(EdgeSimulatorApplication.class, args);
    }
}
