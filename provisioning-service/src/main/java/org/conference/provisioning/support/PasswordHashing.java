package org.conference.provisioning.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * BCrypt hashing and checking, off the event loop: each costs tens of milliseconds of CPU by design, which would
 * stall every other request of a Netty thread.
 */
@Component
public class PasswordHashing {

    private final BCryptPasswordEncoder encoder;

    /** {@code strength} is BCrypt's log2 cost: 10 in production; tests lower it to stay fast. */
    public PasswordHashing(@Value("${conference.security.bcrypt-strength:10}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Boolean> matches(String password, String hash) {
        if (password == null || hash == null) {
            return Mono.just(false);
        }
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }
}
