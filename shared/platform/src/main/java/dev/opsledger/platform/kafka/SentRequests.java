package dev.opsledger.platform.kafka;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The requests this service sent ({@code sent_request}, migration V5). */
public class SentRequests {

    private final JdbcClient jdbc;

    public SentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request before it is sent; sending it again (a replay) keeps the first row. */
    void record(SentRequest request, String cloudEventId) {
        jdbc.sql("""
                        INSERT INTO sent_request (request_id, request_type, requester_id, cloud_event_id)
                        VALUES (:requestId, :type, :requester, :cloudEventId)
                        ON CONFLICT (request_id) DO NOTHING""")
                .param("requestId", request.requestId())
                .param("type", request.requestType())
                .param("requester", request.requesterId())
                .param("cloudEventId", cloudEventId)
                .update();
    }

    public Optional<SentRequest> find(String requestId) {
        return jdbc.sql("SELECT request_id, request_type, requester_id FROM sent_request WHERE request_id = ?")
                .param(requestId)
                .query((rs, row) -> new SentRequest(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
