package org.conference.gateway.throttling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force protection ({@code conference.gateway.throttling.*}).
 *
 * @param loginFailures failed attempts on one login that block it
 * @param addressFailures failed attempts from one client address that block it (password spraying over logins)
 * @param window failures older than this (counted from the last one) are forgotten
 * @param block first block; each further block within the window doubles, up to {@code maxBlock}
 * @param maxBlock longest block
 */
@ConfigurationProperties("conference.gateway.throttling")
public record ThrottlingProperties(int loginFailures, int addressFailures, Duration window, Duration block,
        Duration maxBlock) {

    public ThrottlingProperties {
        if (loginFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("throttling thresholds must be at least 1");
        }
        window = window == null ? Duration.ofMinutes(10) : window;
        block = block == null ? Duration.ofSeconds(30) : block;
        maxBlock = maxBlock == null ? Duration.ofMinutes(15) : maxBlock;
    }
}
