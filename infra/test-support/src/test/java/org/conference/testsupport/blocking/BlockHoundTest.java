package org.conference.testsupport.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.conference.testsupport.BackingServices;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * BlockHound is active in the tests of every module that uses test-support: a blocking call on a thread that must
 * never block is an error where it happens, and fails the test even when the code under test swallows that error.
 */
class BlockHoundTest {

    @Test
    void aSleepOnTheParallelSchedulerIsCaught() {
        StepVerifier.create(Mono.fromCallable(BlockHoundTest::sleepBriefly).subscribeOn(Schedulers.parallel()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class)
                        .hasMessageContaining("java.lang.Thread.sleep"))
                .verify(Duration.ofSeconds(10));
        assertThat(BlockingCalls.takeAll()).singleElement()
                .satisfies(call -> assertThat(call.thread()).startsWith("parallel-"));
    }

    @Test
    void aSleepOnAReactorNettyEventLoopIsCaught() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(Mono.fromCallable(BlockHoundTest::sleepBriefly)))
                .bindNow();
        try {
            Integer status = HttpClient.create().get().uri("http://127.0.0.1:" + server.port() + "/")
                    .responseSingle((response, body) -> Mono.just(response.status().code()))
                    .onErrorReturn(-1)
                    .block(Duration.ofSeconds(20));
            assertThat(status).isNotEqualTo(200);
        } finally {
            server.disposeNow();
        }
        assertThat(BlockingCalls.takeAll()).singleElement().satisfies(call -> {
            assertThat(call.method()).contains("java.lang.Thread.sleep");
            assertThat(call.thread()).startsWith("reactor-http-");
        });
    }

    /** Spring Boot runs the reactive Mongo driver on a Netty event loop group built like this one. */
    @Test
    void aSleepOnTheMongoDriversEventLoopIsCaught() {
        MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(BackingServices.mongo().uri("blockhound")))
                .transportSettings(TransportSettings.nettyBuilder().eventLoopGroup(loops).build())
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            var probes = client.getDatabase("blockhound").getCollection("probes");
            Mono<String> sleptAfterInsert = Mono.from(probes.insertOne(new Document("_id", UUID.randomUUID().toString())))
                    .map(inserted -> sleepUnchecked());
            StepVerifier.create(sleptAfterInsert).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(20));
        } finally {
            loops.shutdownGracefully().syncUninterruptibly();
        }
        assertThat(BlockingCalls.takeAll()).singleElement()
                .satisfies(call -> assertThat(call.thread()).startsWith("multiThreadIoEventLoopGroup-"));
    }

    @Test
    void theSameSleepOnAThreadMeantForBlockingIsAllowed() {
        StepVerifier.create(Mono.fromCallable(BlockHoundTest::sleepBriefly).subscribeOn(Schedulers.boundedElastic()))
                .expectNext("slept")
                .verifyComplete();
        assertThat(BlockingCalls.takeAll()).isEmpty();
    }

    @Test
    void randomIdentifiersAreAllowedOnAnEventLoopButSeedingFromDevRandomIsNot() {
        StepVerifier.create(Mono.fromCallable(() -> UUID.randomUUID().toString()).subscribeOn(Schedulers.parallel()))
                .assertNext(id -> assertThat(id).hasSize(36))
                .verifyComplete();
        StepVerifier.create(Mono.fromCallable(() -> new SecureRandom().generateSeed(8))
                        .subscribeOn(Schedulers.parallel()))
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(10));
        assertThat(BlockingCalls.takeAll()).singleElement()
                .satisfies(call -> assertThat(call.thread()).startsWith("parallel-"));
    }

    /**
     * One thread builds a deserializer (held up here inside Jackson's lock, as a slow first build would be) while a
     * non-blocking thread needs another one: the second waits for the lock, and that wait is allowed.
     */
    @Test
    void waitingForJacksonToBuildAnotherTypesDeserializerIsAllowedOnANonBlockingThread() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finishBuilding = new CountDownLatch(1);
        JsonMapper json = JsonMapper.builder().addModule(new SimpleModule().setDeserializerModifier(
                new ValueDeserializerModifier() {
                    @Override
                    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                            BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                        if (description.getBeanClass() == SlowToBuild.class) {
                            building.countDown();
                            awaitUnchecked(finishBuilding);
                        }
                        return deserializer;
                    }
                })).build();
        Mono<SlowToBuild> slow = Mono.fromCallable(() -> json.readValue("{\"name\":\"a\"}", SlowToBuild.class))
                .subscribeOn(Schedulers.boundedElastic());
        AtomicReference<Thread> waiting = new AtomicReference<>();
        Mono<QuickToBuild> quick = Mono.fromCallable(() -> {
            waiting.set(Thread.currentThread());
            return json.readValue("{\"name\":\"b\"}", QuickToBuild.class);
        }).subscribeOn(Schedulers.parallel());

        var slowResult = slow.toFuture();
        assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
        var quickResult = quick.toFuture();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waiting.get() != null
                && waiting.get().getState() == Thread.State.WAITING);
        finishBuilding.countDown();

        assertThat(quickResult.get(10, TimeUnit.SECONDS).name()).isEqualTo("b");
        assertThat(slowResult.get(10, TimeUnit.SECONDS).name()).isEqualTo("a");
        assertThat(BlockingCalls.takeAll()).isEmpty();
    }

    record SlowToBuild(String name) {
    }

    record QuickToBuild(String name) {
    }

    private static void awaitUnchecked(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTestFailsWhenItsCodeBlocksAnEventLoopEvenIfTheCodeSwallowsTheError() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.extensions.autodetection.include", "org.conference.testsupport.*")
                .selectors(DiscoverySelectors.selectClass(SwallowsABlockingCall.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(0).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 blocking call(s) on non-blocking threads")
                .hasMessageContaining("java.lang.Thread.sleep on thread parallel-")
                .hasCauseInstanceOf(BlockingOperationError.class);
        assertThat(BlockingCalls.takeAll()).as("reported once, by the failed test").isEmpty();
    }

    /** Code under test that recovers from its own blocking call, as a relay that retries would; run by the kit. */
    static class SwallowsABlockingCall {

        @Test
        void sleepsOnTheParallelSchedulerAndRecovers() {
            String outcome = Mono.fromCallable(BlockHoundTest::sleepBriefly).subscribeOn(Schedulers.parallel())
                    .onErrorReturn("recovered")
                    .block(Duration.ofSeconds(10));
            assertThat(outcome).isEqualTo("recovered");
        }
    }

    private static String sleepUnchecked() {
        try {
            return sleepBriefly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sleepBriefly() throws InterruptedException {
        Thread.sleep(1);
        return "slept";
    }
}
