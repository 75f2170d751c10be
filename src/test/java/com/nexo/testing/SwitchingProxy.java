package com.nexo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest load balancer a failover test needs: a TCP proxy that connects every new connection
 * to one backend port, until the test switches it to another (as a sticky proxy does when the
 * browser's node is down). Bytes pass unchanged both ways, so the browser's Host header, cookies and
 * redirects are exactly as behind a real proxy.
 */
public final class SwitchingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int backend;
    private volatile boolean closed;

    public SwitchingProxy(int backend) throws IOException {
        this.backend = backend;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, new connections go to this port; those open to the old one are closed. */
    public void switchTo(int port) {
        this.backend = port;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket target;
                try {
                    target = new Socket(InetAddress.getLoopbackAddress(), backend);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(target);
                Thread.ofVirtual().start(() -> pump(client, target));
                Thread.ofVirtual().start(() -> pump(target, client));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        switchTo(backend);
    }
}
