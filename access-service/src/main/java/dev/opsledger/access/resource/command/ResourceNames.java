package dev.opsledger.access.resource.command;

/** Claims a resource name inside the command's transaction (ADR 003). */
public interface ResourceNames {

    /** @return false when another resource holds the name already */
    boolean claim(String name, String resourceId);
}
