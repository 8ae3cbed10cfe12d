package dev.opsledger.gateway.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.gateway.config.GatewayProperties;

/**
 * Reads every enabled service's public events topic and hands each event to {@link LiveEvents}.
 * Every gateway instance must see every event (its browsers are its own), so each instance is its
 * own consumer group, starts at the newest offset and commits nothing: live updates are about now,
 * and a browser reloads its data on (re)connect anyway.
 */
public class KafkaLiveEventFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaLiveEventFeed.class);

    private final LiveEvents live;
    private final List<String> topics;
    private final Map<String, String> serviceByTopic;
    private final Properties config = new Properties();
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    /** @param clientSecurity Kafka client settings of the gateway's login ({@code security.protocol}, SASL); may be empty */
    public KafkaLiveEventFeed(LiveEvents live, GatewayProperties properties, String bootstrapServers,
                              Map<String, String> clientSecurity) {
        this.live = live;
        this.serviceByTopic = properties.enabledServices().keySet().stream()
                .collect(Collectors.toMap(KafkaLiveEventFeed::topicOf, name -> name));
        this.topics = List.copyOf(serviceByTopic.keySet());
        config.putAll(clientSecurity);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // The prefix is the one group name the gateway's principal may use on a secured broker.
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "opsledger-gateway-live-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "opsledger-gateway-live");
        // A service started after the gateway creates its topic later: notice it within seconds, not 5 minutes.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "10000");
    }

    static String topicOf(String service) {
        return OpsLedgerService.byId(service).eventsTopic();
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(config);
        thread = Thread.ofPlatform().daemon().name("live-events").start(this::run);
    }

    private void run() {
        try {
            consumer.subscribe(topics);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    LiveEvent event = parse(record);
                    if (event != null) {
                        live.publish(event);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll: the normal way out.
        } catch (RuntimeException e) {
            log.error("Live events stopped: the portal will show no live updates until the gateway restarts", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** A structured-mode CloudEvent (what the services publish); anything else is skipped, not fatal. */
    LiveEvent parse(ConsumerRecord<String, byte[]> record) {
        String service = serviceByTopic.get(record.topic());
        try {
            JsonNode event = json.readTree(record.value());
            String type = event.path("type").asString("");
            if (service == null || !StringUtils.hasText(type)) {
                return null;
            }
            return new LiveEvent(event.path("id").asString(null), service, type,
                    event.path("subject").asString(null), event.path("time").asString(null));
        } catch (RuntimeException e) {
            log.warn("Skipped a record on {} that is no CloudEvent: {}", record.topic(), e.getMessage());
            return null;
        }
    }

    @Override
    public void stop() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread running = thread;
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        consumer = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
