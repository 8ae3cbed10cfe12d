package dev.opsledger.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** A live look at one entry of the status table. */
final class Health {

    private Health() {
    }

    static String of(StackState.Entry entry) {
        if (entry.url().startsWith("http")) {
            if (entry.name().equals("keycloak")) {
                URI keycloak = URI.create(entry.url());
                return accepts(keycloak.getHost(), keycloak.getPort()) ? "up" : "down";
            }
            return ServiceProcess.isHealthy(entry.url()) ? "up" : "down";
        }
        String address = entry.url().replaceFirst("^[a-z]+://", "");
        int colon = address.lastIndexOf(':');
        return accepts(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))) ? "up" : "down";
    }

    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
