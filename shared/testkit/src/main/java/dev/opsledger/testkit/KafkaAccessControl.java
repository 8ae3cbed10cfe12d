package dev.opsledger.testkit;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.Topics;
import dev.opsledger.contracts.Requests;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on OpsLedger's broker (ADR 063): one principal per service, one for the gateway
 * and a read-only {@value #READER} for other teams, and the ACLs each gets, all derived from the
 * service list ({@link OpsLedgerService}) and the declaration of who sends which request
 * ({@link dev.opsledger.contracts.SentBy}, {@link Requests#ALL}). The devstack applies them to its
 * broker at every start; {@code docker/kafka-init.sh} holds the same list for compose, checked
 * against this one by {@code DockerComposeTest}.
 *
 * <ul>
 *   <li>a service ({@code <service>-service}) writes its own events topic and dead-letter topic, reads
 *       its own requests topic, writes the requests topics of the services it sends requests to, reads
 *       the other services' events topics (public anyway: the answers and facts it follows), and uses
 *       consumer groups {@code opsledger-<service>-*};</li>
 *   <li>the gateway ({@value #GATEWAY}) reads every events topic for the portal's live updates, with
 *       groups {@code opsledger-gateway-*};</li>
 *   <li>other teams ({@value #READER}) read every events topic, with groups {@code reader-*}; they
 *       cannot join a service's group and take its partitions or move its offsets.</li>
 * </ul>
 * Nothing else is allowed ({@code allow.everyone.if.no.acl.found=false}); the broker's own
 * {@value #SUPER_USER} creates topics, credentials and these ACLs.
 */
public final class KafkaAccessControl {

    /** The broker's super user: inter-broker and controller traffic, and whoever administers ACLs. */
    public static final String SUPER_USER = "admin";
    public static final String GATEWAY = "gateway";
    public static final String READER = "reader";
    /** Group prefix other teams' consumers must use as {@value #READER}. */
    public static final String READER_GROUP_PREFIX = "reader-";
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Partitions of the topics created before the services start; the services' own default (KafkaBridgeProperties). */
    public static final int PARTITIONS = 3;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KafkaAccessControl() {
    }

    /** The principal of a service, e.g. {@code release-service}. */
    public static String principalOf(OpsLedgerService service) {
        return service.id() + "-service";
    }

    /** Every client principal: the services, the gateway and the reader. */
    public static List<String> principals() {
        List<String> principals = new ArrayList<>();
        for (OpsLedgerService service : OpsLedgerService.values()) {
            principals.add(principalOf(service));
        }
        principals.add(GATEWAY);
        principals.add(READER);
        return List.copyOf(principals);
    }

    /** The consumer-group prefix a principal may use. */
    public static String groupPrefixOf(String principal) {
        for (OpsLedgerService service : OpsLedgerService.values()) {
            if (principalOf(service).equals(principal)) {
                return "opsledger-" + service.id() + "-";
            }
        }
        return switch (principal) {
            case GATEWAY -> "opsledger-gateway-";
            case READER -> READER_GROUP_PREFIX;
            default -> throw new IllegalArgumentException("not an OpsLedger Kafka principal: " + principal);
        };
    }

    /** Every topic OpsLedger uses, created by the super user before any service starts. */
    public static List<String> topics() {
        return Stream.concat(Stream.of(OpsLedgerService.values())
                .flatMap(service -> Stream.of(service.eventsTopic(), service.requestsTopic(), service.deadLetterTopic())),
                Stream.of(Topics.AUDIT_CHECKPOINTS))
                .toList();
    }

    /** The ACLs of every principal; all allow, nothing else is allowed. */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (OpsLedgerService service : OpsLedgerService.values()) {
            String principal = principalOf(service);
            topic(acls, principal, service.eventsTopic(), AclOperation.WRITE, AclOperation.DESCRIBE);
            topic(acls, principal, service.requestsTopic(), AclOperation.READ, AclOperation.DESCRIBE);
            topic(acls, principal, service.deadLetterTopic(), AclOperation.WRITE, AclOperation.DESCRIBE);
            for (OpsLedgerService receiver : Requests.receiversOf(service)) {
                topic(acls, principal, receiver.requestsTopic(), AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            for (OpsLedgerService other : OpsLedgerService.values()) {
                if (other != service) {
                    topic(acls, principal, other.eventsTopic(), AclOperation.READ, AclOperation.DESCRIBE);
                }
            }
            // Each service appends its signed audit checkpoints and reads them back (ADR 060).
            topic(acls, principal, Topics.AUDIT_CHECKPOINTS, AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
            groups(acls, principal);
        }
        // Other teams' auditors may check a service's trail against its checkpoints themselves.
        topic(acls, READER, Topics.AUDIT_CHECKPOINTS, AclOperation.READ, AclOperation.DESCRIBE);
        for (String reader : List.of(GATEWAY, READER)) {
            for (OpsLedgerService service : OpsLedgerService.values()) {
                topic(acls, reader, service.eventsTopic(), AclOperation.READ, AclOperation.DESCRIBE);
            }
            groups(acls, reader);
        }
        return List.copyOf(acls);
    }

    private static void topic(List<AclBinding> acls, String principal, String topic, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(allow(principal, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operation));
        }
    }

    private static void groups(List<AclBinding> acls, String principal) {
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, groupPrefixOf(principal), PatternType.PREFIXED);
        acls.add(allow(principal, groups, AclOperation.READ));
        acls.add(allow(principal, groups, AclOperation.DESCRIBE));
    }

    private static AclBinding allow(String principal, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** A new random password: 32 bytes, URL-safe Base64, nothing a JAAS string would need to quote. */
    public static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The client settings of a principal on the broker's SASL listener, as Kafka properties; prefix them with
     * {@code spring.kafka.properties.} for Spring Kafka.
     */
    public static Map<String, String> clientProperties(String user, String password) {
        if (!password.matches("[A-Za-z0-9_.~+/=-]+") || !user.matches("[a-z][a-z0-9-]*")) {
            // The values go into a JAAS string; a quote or a semicolon would change its meaning.
            throw new IllegalArgumentException("user names are lower-case words, passwords URL-safe characters");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + user + "\" password=\"" + password + "\";");
        return properties;
    }

    /**
     * Makes the broker match this declaration: creates the topics that are missing, sets every principal's
     * password ({@code passwords} by principal), adds the ACLs, and removes ACLs of these principals that the
     * declaration no longer gives (a request a service stopped sending). Runs as {@link #SUPER_USER}.
     */
    public static void apply(Admin admin, Map<String, String> passwords) {
        try {
            createTopics(admin);
            List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
            for (String principal : principals()) {
                String password = passwords.get(principal);
                if (password == null) {
                    throw new IllegalArgumentException("no password for Kafka principal " + principal);
                }
                credentials.add(new UserScramCredentialUpsertion(principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
            }
            admin.alterUserScramCredentials(new ArrayList<>(credentials)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Set<AclBinding> wanted = new HashSet<>(acls());
            admin.createAcls(wanted).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<AclBindingFilter> stale = staleOf(admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), wanted);
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying Kafka ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot apply OpsLedger's Kafka principals and ACLs: " + e.getMessage(), e);
        }
    }

    private static List<AclBindingFilter> staleOf(Collection<AclBinding> present, Set<AclBinding> wanted) {
        Set<String> ours = new HashSet<>();
        principals().forEach(principal -> ours.add("User:" + principal));
        return present.stream()
                .filter(binding -> ours.contains(binding.entry().principal()) && !wanted.contains(binding))
                .map(binding -> new AclBindingFilter(
                        new ResourcePatternFilter(binding.pattern().resourceType(), binding.pattern().name(),
                                binding.pattern().patternType()),
                        new AccessControlEntryFilter(binding.entry().principal(), binding.entry().host(),
                                binding.entry().operation(), binding.entry().permissionType())))
                .toList();
    }

    private static void createTopics(Admin admin) throws InterruptedException, TimeoutException {
        List<NewTopic> topics = topics().stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
        for (var result : admin.createTopics(topics).values().entrySet()) {
            try {
                result.getValue().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
                }
            }
        }
    }
}
