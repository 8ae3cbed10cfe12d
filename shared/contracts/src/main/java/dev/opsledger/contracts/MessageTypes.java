package dev.opsledger.contracts;

import java.util.regex.Pattern;

/** The CloudEvent {@code type} naming rule, in one place. */
public final class MessageTypes {

    public static final String PREFIX = "dev.opsledger.";
    /** Folder of the schemas of {@link CommonMessageType}s, beside the services' own folders. */
    public static final String COMMON_SCHEMAS = "common";

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
            throw new IllegalArgumentException(messageClass.getName() + " is not annotated with @MessageType"
                    + (messageClass.isAnnotationPresent(CommonMessageType.class)
                    ? "; a @CommonMessageType's type depends on who publishes it: use typeOf(type, publisher)" : ""));
        }
        return type(annotation.service(), annotation.name(), annotation.version());
    }

    /**
     * The type under which {@code publisher} publishes a record: its own {@link MessageType}, or for a
     * {@link CommonMessageType} (such as {@link RequestFailed}) the common name under the publisher's prefix.
     */
    public static String typeOf(Class<?> messageClass, OpsLedgerService publisher) {
        CommonMessageType common = messageClass.getAnnotation(CommonMessageType.class);
        if (common != null) {
            return type(publisher, common.name(), common.version());
        }
        return typeOf(messageClass);
    }

    public static boolean isValid(String type) {
        return TYPE.matcher(type).matches();
    }

    /**
     * Where the JSON Schema of a message lives on the classpath of this jar:
     * {@code /schemas/<service>/...} for a {@link MessageType}, {@code /schemas/common/...} for a
     * {@link CommonMessageType}.
     */
    public static String schemaResource(Class<?> messageClass) {
        CommonMessageType common = messageClass.getAnnotation(CommonMessageType.class);
        if (common != null) {
            return "/schemas/" + COMMON_SCHEMAS + "/" + common.name() + ".v" + common.version() + ".json";
        }
        MessageType annotation = messageClass.getAnnotation(MessageType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(messageClass.getName() + " is not annotated with @MessageType");
        }
        return "/schemas/" + annotation.service().id() + "/" + annotation.name() + ".v" + annotation.version() + ".json";
    }
}
