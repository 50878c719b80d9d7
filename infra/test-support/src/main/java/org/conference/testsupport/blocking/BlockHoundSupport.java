package org.conference.testsupport.blocking;

import java.util.List;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The project's BlockHound settings, found by ServiceLoader when {@code blockhound-junit-platform} installs BlockHound
 * at the start of every test run of every module that has test-support on its test classpath.
 * <p>
 * Which threads are non-blocking comes from the libraries' own integrations: Reactor marks its parallel and single
 * schedulers, Netty marks its event loops (reactor-netty's, which serve and call HTTP, and the Mongo driver's, which
 * Spring Boot runs on a Netty event loop group). Their allowances (class loading, logging, standard output) come along.
 * This adds the record of every caught call, so that a swallowed error still fails the test, and the few allowances
 * below, each with the reason it cannot hold up an event loop: a one-time load like the class loading BlockHound
 * allows itself, a read that never blocks, or a short in-memory critical section.
 */
public class BlockHoundSupport implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // The default SecureRandom on Linux (behind UUID.randomUUID and generated identifiers) reads /dev/urandom,
        // which never blocks. The seed source (engineGenerateSeed, /dev/random) and NativePRNG$Blocking stay flagged.
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG", "engineNextBytes");
        // libphonenumber reads a region's metadata from its own jar the first time that region is used, once per JVM,
        // just as a class is loaded on first use.
        builder.allowBlockingCallsInside(
                "com.google.i18n.phonenumbers.metadata.source.BlockingMetadataBootstrappingGuard", "getOrBootstrap");
        // Netty loads zstd's native library in a static initializer the first time a response may be compressed:
        // once per JVM, like the class load it is part of.
        builder.allowBlockingCallsInside("com.github.luben.zstd.util.Native", "load");
        // The Mongo driver's locks guard short in-memory critical sections (cluster clock, connection pool queues, a
        // stream's pending reads) that its asynchronous API takes on its event loop by design; contention parks a
        // thread for microseconds, it never waits for I/O there.
        for (String lockMethod : List.of("withLock", "checkedWithLock", "withInterruptibleLock",
                "checkedWithInterruptibleLock", "lockInterruptibly")) {
            builder.allowBlockingCallsInside("com.mongodb.internal.Locks", lockMethod);
        }
        // Spring Data's cache of mapping metadata: readers take a read lock, which parks only while another thread
        // adds an entity's metadata (in memory, once per type). Flagging it would also be harmful: the error thrown
        // from lock() makes the finally block's unlock() fail, which breaks the mapping context for good.
        for (String lookup : List.of("getPersistentEntity", "getPersistentEntities")) {
            builder.allowBlockingCallsInside("org.springframework.data.mapping.context.AbstractMappingContext", lookup);
        }
        // Spring's Jackson codecs keep a small cache of object readers and writers per type under a lock, held only
        // while one is looked up or built in memory; two requests decoding at once may park for microseconds.
        builder.allowBlockingCallsInside("org.springframework.http.codec.AbstractJacksonDecoder", "createObjectReader");
        builder.allowBlockingCallsInside("org.springframework.http.codec.AbstractJacksonEncoder", "createObjectWriter");
        // Jackson 3 builds a type's deserializer once, in memory, under a lock (Jackson 2 used a monitor, which
        // BlockHound does not see): a request that needs another new type at that moment parks for as long as the
        // building takes. Two first requests of a kind at once do that (provisioning's TwoInstancesConcurrencyTest).
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        builder.blockingMethodCallback(method -> {
            BlockingOperationError error = new BlockingOperationError(method);
            BlockingCalls.record(new BlockingCall(method.toString(), Thread.currentThread().getName(), error));
            throw error;
        });
    }
}
