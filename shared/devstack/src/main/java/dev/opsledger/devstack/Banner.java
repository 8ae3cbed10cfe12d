package dev.opsledger.devstack;

import java.io.PrintStream;
import java.time.Duration;

/** What a person needs once the stack is up: where to go, who to log in as, what runs. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, StackHome home, StackState state, Duration timeToReady) {
        String gateway = "http://localhost:" + home.port(8080);
        out.println();
        out.println("OpsLedger is ready (" + String.format("%.1f", timeToReady.toMillis() / 1000.0) + " s).");
        out.println();
        out.println("  Browser     " + gateway + "   (the admin portal; sign in with a demo user)");
        out.println("  API         " + gateway + "/api   (e.g. GET " + gateway + "/api/me with a bearer token)");
        state.entries().stream().filter(e -> e.name().equals("keycloak")).findFirst().ifPresent(keycloak ->
                out.println("  Keycloak    " + keycloak.url() + "   (admin console: admin / admin, dev only)"));
        if (state.kafkaReaderConfig() != null) {
            state.entries().stream().filter(e -> e.name().equals("kafka")).findFirst().ifPresent(kafka ->
                    out.println("  Kafka       " + kafka.url() + "   (SASL/SCRAM; read-only login for other teams: "
                            + state.kafkaReaderConfig() + ", groups reader-*)"));
        }
        out.println();
        out.println("  Demo users (dev-only passwords):");
        out.printf("    %-10s %-12s %s%n", "user", "password", "roles");
        for (DemoUsers.User user : DemoUsers.fromRealm().users()) {
            out.printf("    %-10s %-12s %s%n", user.username(), user.password(),
                    user.roles().isEmpty() ? "(none)" : String.join(", ", user.roles()));
        }
        out.println();
        printStatus(out, state);
        out.println();
        out.println("  Logs: " + home.logs() + "   Stop: Ctrl-C here, or ./opsledger down");
    }

    static void printStatus(PrintStream out, StackState state) {
        out.printf("    %-10s %-8s %-9s %-9s %s%n", "process", "pid", "health", "restarts", "address");
        for (StackState.Entry entry : state.entries()) {
            out.printf("    %-10s %-8s %-9s %-9s %s%n", entry.name(),
                    entry.pid() == null ? "-" : entry.pid().toString(), Health.of(entry),
                    entry.gaveUp() ? entry.restarts() + " gave up" : String.valueOf(entry.restarts()), entry.url());
        }
    }
}
