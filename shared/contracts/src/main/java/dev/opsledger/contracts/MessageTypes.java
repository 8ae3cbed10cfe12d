package dev.opsledger.contracts;

import java.util.regex.Pattern;

/** The CloudEvent {@code type} naming rule, in one place. */
public final class MessageTypes {

    public static final String PREFIX = "dev.opsledger.";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern TYPE =
            Pattern.compile("dev\\.opsledger\\.(release|access|backup|automation)\\.[a-z][a-z0-9]*(-[a-z0-9]+)*\\.v[1-9][0-9]*");

    private MessageTypes() {
    }

    public static String type(OpsLedgerService service, String name, int version) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Message name must be kebab-case: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("Message version starts at 1: " + version);
        }
        return PREFIX + service.id() + "." + name + ".v" + version;
    }

    /** The type of a record annotated with {@link MessageType}. */
    public static String typeOf(Class<?> messageClass) {
        MessageType annotation = messageClass.getAnnotation(MessageType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(messageClass.getName() + " is not annotated with @MessageType");
        }
        return type(annotation.service(), annotation.name(), annotation.version());
    }

    public static boolean isValid(String type) {
        return TYPE.matcher(type).matches();
    }

    /** Where the JSON Schema of a message lives on the classpath of this jar. */
    public static String schemaResource(Class<?> messageClass) {
        MessageType annotation = messageClass.getAnnotation(MessageType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(messageClass.getName() + " is not annotated with @MessageType");
        }
        return "/schemas/" + annotation.service().id() + "/" + annotation.name() + ".v" + annotation.version() + ".json";
    }
}
