#!/bin/sh
# Kafka's principals, topics and ACLs for docker-compose (ADR 063): what ./opsledger up applies to its
# embedded broker, derived from the service list and the @SentBy of each request in shared/contracts by
# KafkaAccessControl. DockerComposeTest fails when a `topic`, `user` or `allow` line here differs from it.
#
#   kafka-init.sh init    (the one-shot kafka-init container) topics, SCRAM logins and ACLs, as the super user
#   kafka-init.sh health  (the kafka container's healthcheck) the broker answers the super user
#
# Passwords come from the environment only (docker-compose.yml requires each one); use URL-safe characters,
# they are written into JAAS and SCRAM settings. Nothing here is built into a shell command from them.
set -eu

BIN=/opt/kafka/bin
BOOTSTRAP=${OPSLEDGER_KAFKA_ADMIN_BOOTSTRAP:-localhost:9094}
CONFIG=/tmp/opsledger-kafka-admin.properties

admin_config() {
  umask 077
  {
    echo "security.protocol=SASL_PLAINTEXT"
    echo "sasl.mechanism=PLAIN"
    echo "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${OPSLEDGER_KAFKA_ADMIN_PASSWORD:?}\";"
  } > "$CONFIG"
}

# topic <name>: created with the services' partition count unless it exists
topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" \
    --create --if-not-exists --topic "$1" --partitions 3 --replication-factor 1
}

# user <principal> <password>: its SCRAM-SHA-512 login, set again on every run
user() {
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}

# allow <principal> <topic|group> <literal|prefixed> <name> <Operation>...
allow() {
  principal=$1 kind=$2 pattern=$3 name=$4
  shift 4
  n=$#
  while [ "$n" -gt 0 ]; do
    set -- "$@" --operation "$1"
    shift
    n=$((n - 1))
  done
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add \
    --allow-principal "User:$principal" --resource-pattern-type "$pattern" "--$kind" "$name" "$@"
}

admin_config
case "${1:-}" in
  health)
    exec "$BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" > /dev/null
    ;;
  init)
    ;;
  *)
    echo "usage: $0 init|health" >&2
    exit 2
    ;;
esac

topic opsledger.release.events
topic opsledger.release.requests
topic opsledger.release.requests.dlt
topic opsledger.access.events
topic opsledger.access.requests
topic opsledger.access.requests.dlt
topic opsledger.backup.events
topic opsledger.backup.requests
topic opsledger.backup.requests.dlt
topic opsledger.automation.events
topic opsledger.automation.requests
topic opsledger.automation.requests.dlt
topic opsledger.audit.checkpoints

user release-service "${OPSLEDGER_KAFKA_RELEASE_SERVICE_PASSWORD:?}"
user access-service "${OPSLEDGER_KAFKA_ACCESS_SERVICE_PASSWORD:?}"
user backup-service "${OPSLEDGER_KAFKA_BACKUP_SERVICE_PASSWORD:?}"
user automation-service "${OPSLEDGER_KAFKA_AUTOMATION_SERVICE_PASSWORD:?}"
user gateway "${OPSLEDGER_KAFKA_GATEWAY_PASSWORD:?}"
user reader "${OPSLEDGER_KAFKA_READER_PASSWORD:?}"

allow release-service topic literal opsledger.release.events Write Describe
allow release-service topic literal opsledger.release.requests Read Describe
allow release-service topic literal opsledger.release.requests.dlt Write Describe
allow release-service topic literal opsledger.backup.requests Write Describe
allow release-service topic literal opsledger.automation.requests Write Describe
allow release-service topic literal opsledger.access.events Read Describe
allow release-service topic literal opsledger.backup.events Read Describe
allow release-service topic literal opsledger.automation.events Read Describe
allow release-service topic literal opsledger.audit.checkpoints Write Read Describe
allow release-service group prefixed opsledger-release- Read Describe
allow access-service topic literal opsledger.access.events Write Describe
allow access-service topic literal opsledger.access.requests Read Describe
allow access-service topic literal opsledger.access.requests.dlt Write Describe
allow access-service topic literal opsledger.automation.requests Write Describe
allow access-service topic literal opsledger.release.events Read Describe
allow access-service topic literal opsledger.backup.events Read Describe
allow access-service topic literal opsledger.automation.events Read Describe
allow access-service topic literal opsledger.audit.checkpoints Write Read Describe
allow access-service group prefixed opsledger-access- Read Describe
allow backup-service topic literal opsledger.backup.events Write Describe
allow backup-service topic literal opsledger.backup.requests Read Describe
allow backup-service topic literal opsledger.backup.requests.dlt Write Describe
allow backup-service topic literal opsledger.release.events Read Describe
allow backup-service topic literal opsledger.access.events Read Describe
allow backup-service topic literal opsledger.automation.events Read Describe
allow backup-service topic literal opsledger.audit.checkpoints Write Read Describe
allow backup-service group prefixed opsledger-backup- Read Describe
allow automation-service topic literal opsledger.automation.events Write Describe
allow automation-service topic literal opsledger.automation.requests Read Describe
allow automation-service topic literal opsledger.automation.requests.dlt Write Describe
allow automation-service topic literal opsledger.release.events Read Describe
allow automation-service topic literal opsledger.access.events Read Describe
allow automation-service topic literal opsledger.backup.events Read Describe
allow automation-service topic literal opsledger.audit.checkpoints Write Read Describe
allow automation-service group prefixed opsledger-automation- Read Describe
allow reader topic literal opsledger.audit.checkpoints Read Describe
allow gateway topic literal opsledger.release.events Read Describe
allow gateway topic literal opsledger.access.events Read Describe
allow gateway topic literal opsledger.backup.events Read Describe
allow gateway topic literal opsledger.automation.events Read Describe
allow gateway group prefixed opsledger-gateway- Read Describe
allow reader topic literal opsledger.release.events Read Describe
allow reader topic literal opsledger.access.events Read Describe
allow reader topic literal opsledger.backup.events Read Describe
allow reader topic literal opsledger.automation.events Read Describe
allow reader group prefixed reader- Read Describe

echo "OpsLedger's Kafka principals, topics and ACLs are in place."
