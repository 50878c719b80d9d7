package org.conference.bench.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.http.client.HttpClient;

/**
 * A closed loop: {@code clients} threads each send the GET, wait for the whole answer, and send the next, until the
 * time is up (or a request cap, so a run always ends). Every latency is kept, so percentiles are exact.
 */
final class LoadRun {

    /** Latencies in microseconds, sorted, and how long the run lasted. */
    record Result(String target, int clients, long[] latenciesMicros, Duration elapsed, int errors) {

        double throughput() {
            return latenciesMicros.length / (elapsed.toNanos() / 1e9);
        }

        long percentileMicros(double percentile) {
            if (latenciesMicros.length == 0) {
                return -1;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))];
        }
    }

    private static final int MAX_REQUESTS_PER_CLIENT = 2_000_000;

    private final HttpClient http;
    private final String authorization;

    LoadRun(HttpClient http, String authorization) {
        this.http = http;
        this.authorization = authorization;
    }

    Result run(String target, String url, int clients, Duration duration)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            List<Future<long[]>> loops = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                loops.add(pool.submit(() -> loop(url, deadline, errors)));
            }
            List<long[]> perClient = new ArrayList<>();
            for (Future<long[]> loop : loops) {
                perClient.add(loop.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(target, clients, all, elapsed, errors.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] loop(String url, long deadline, AtomicInteger errors) {
        long[] latencies = new long[1 << 14];
        int count = 0;
        while (System.nanoTime() < deadline && count < MAX_REQUESTS_PER_CLIENT) {
            long start = System.nanoTime();
            Integer status = http.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, authorization))
                    .get().uri(url)
                    .responseSingle((response, body) -> body.asByteArray().thenReturn(response.status().code()))
                    .block(Duration.ofSeconds(10));
            long micros = (System.nanoTime() - start) / 1000;
            if (status == null || status != 200) {
                errors.incrementAndGet();
                continue;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = micros;
        }
        return Arrays.copyOf(latencies, count);
    }
}
