package org.conference.common;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application for common-model's web slice tests. */
@SpringBootApplication
public class ProbeApplication {
}
