package dev.opsledger.platform.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * What every command endpoint answers: the id of what it created or changed, and where to read
 * it. Reads are eventually consistent, so the resource may show the change a moment later.
 */
public record Accepted(String id) {

    public static ResponseEntity<Accepted> created(String path, String id) {
        return ResponseEntity.created(URI.create(path + "/" + id)).body(new Accepted(id));
    }

    public static ResponseEntity<Accepted> accepted(String path, String id) {
        return ResponseEntity.accepted().location(URI.create(path + "/" + id)).body(new Accepted(id));
    }
}
