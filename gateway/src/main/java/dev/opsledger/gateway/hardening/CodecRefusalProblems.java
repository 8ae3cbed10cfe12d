package dev.opsledger.gateway.hardening;

import java.util.Map;
import java.util.UUID;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import dev.opsledger.gateway.problem.ProblemResponses;

/**
 * Requests Netty can't decode (a request line above 4 KB → 414, headers above 8 KB → 431, a
 * broken request line → 400) and URIs Spring can't parse (a lone {@code %} → 400) are answered
 * below Spring, with an empty body, before any filter or handler runs. Reactor Netty offers no
 * hook there, so this outbound handler, placed right after the HTTP codec, gives such bare
 * refusals a problem body. It only touches complete responses of those statuses that have no
 * body and no content type: everything Spring or a service answers already has one.
 */
@Component
public class CodecRefusalProblems implements NettyServerCustomizer {

    public static final String URI_TOO_LONG = "request.uri-too-long";
    public static final String HEADERS_TOO_LARGE = "request.headers-too-large";
    public static final String MALFORMED_REQUEST = "request.malformed";

    private static final String HANDLER_NAME = "opsledger.codecRefusalProblems";

    private final ProblemBodies handler;

    public CodecRefusalProblems(ProblemResponses problems) {
        this.handler = new ProblemBodies(problems);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, handler);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

        private final ProblemResponses problems;

        ProblemBodies(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof FullHttpResponse response && isBareRefusal(response)) {
                FullHttpResponse problem = withProblemBody(response);
                response.release();
                ctx.write(problem, promise);
                return;
            }
            ctx.write(msg, promise);
        }

        private static boolean isBareRefusal(FullHttpResponse response) {
            int status = response.status().code();
            return (status == 400 || status == 414 || status == 431)
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }

        private FullHttpResponse withProblemBody(FullHttpResponse response) {
            HttpStatusCode status = HttpStatusCode.valueOf(response.status().code());
            // No request id exists yet: the request never reached the filter that assigns one.
            String requestId = UUID.randomUUID().toString();
            byte[] body = problems.bytes(ProblemResponses.body(status, code(status), detail(status), null, requestId, Map.of()));
            var answer = new DefaultFullHttpResponse(response.protocolVersion(), response.status(), Unpooled.wrappedBuffer(body));
            answer.headers().set(response.headers());
            answer.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            answer.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            answer.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            answer.headers().set("X-Content-Type-Options", "nosniff");
            answer.headers().set(RequestIdWebFilter.HEADER, requestId);
            return answer;
        }

        private static String code(HttpStatusCode status) {
            if (status.value() == HttpStatus.URI_TOO_LONG.value()) {
                return URI_TOO_LONG;
            }
            return status.value() == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value() ? HEADERS_TOO_LARGE : MALFORMED_REQUEST;
        }

        private static String detail(HttpStatusCode status) {
            if (status.value() == HttpStatus.URI_TOO_LONG.value()) {
                return "The request line is longer than this gateway reads (4 KB): shorten the path or query.";
            }
            if (status.value() == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()) {
                return "The request headers are larger than this gateway reads (8 KB).";
            }
            return "The request could not be read: its request line or URI is malformed (e.g. a '%' not followed by two hex digits).";
        }
    }
}
