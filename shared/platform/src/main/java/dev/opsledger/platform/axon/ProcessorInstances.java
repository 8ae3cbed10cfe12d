package dev.opsledger.platform.axon;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live instances of this service, as heartbeats in {@code processor_instance}. Every time is the
 * database's {@code now()}, so instances with skewed clocks still agree on who is alive.
 */
public class ProcessorInstances {

    private final JdbcClient jdbc;
    private final Duration liveFor;

    /**
     * @param liveFor how long after its last heartbeat an instance still counts as live
     */
    public ProcessorInstances(JdbcClient jdbc, Duration liveFor) {
        this.jdbc = jdbc;
        this.liveFor = liveFor;
    }

    /** Records that {@code instanceId} is alive now, and forgets instances silent for ten times {@code liveFor}. */
    public void heartbeat(String instanceId) {
        jdbc.sql("""
                        INSERT INTO processor_instance (instance_id) VALUES (?)
                        ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = now()""")
                .param(instanceId).update();
        jdbc.sql("DELETE FROM processor_instance WHERE heartbeat_at < now() - make_interval(secs => ?)")
                .param(liveFor.toMillis() * 10 / 1000.0).update();
    }

    /** Instances whose last heartbeat is younger than {@code liveFor}; at least 1 (the caller itself). */
    public int live() {
        int live = jdbc.sql("SELECT count(*) FROM processor_instance WHERE heartbeat_at > now() - make_interval(secs => ?)")
                .param(liveFor.toMillis() / 1000.0).query(Integer.class).single();
        return Math.max(live, 1);
    }

    /** A graceful stop: the others count one instance less at once instead of after {@code liveFor}. */
    public void leave(String instanceId) {
        jdbc.sql("DELETE FROM processor_instance WHERE instance_id = ?").param(instanceId).update();
    }
}
