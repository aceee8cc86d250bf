package dev.deepbuild.runtime.datasets.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A registry on the loopback interface that answers each path as a test tells it to. */
final class TestRegistry implements AutoCloseable {
  /** Answers one request. */
  interface Answer {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();

  TestRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      requests.add(path);
      try (exchange) {
        answers.getOrDefault(path, TestRegistry::notFound).answer(exchange);
      } catch (IOException ignored) {
        // An answer that breaks off on purpose.
      }
    });
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}, no trailing slash. */
  URI address() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  void answer(String path, Answer answer) {
    answers.put(path, answer);
  }

  /** Serves the bytes with their length. */
  void serve(String path, byte[] body) {
    answer(path, exchange -> send(exchange, body));
  }

  /** Announces the whole length, sends only the first {@code sent} bytes, and closes. */
  void breakOff(String path, byte[] body, int sent) {
    answer(path, exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, sent);
      out.flush();
      // Closing the exchange short of its length makes the server drop the connection.
    });
  }

  /** Sends the first {@code sent} bytes, then nothing until the registry is closed. */
  void stall(String path, byte[] body, int sent) {
    answer(path, exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, sent);
      out.flush();
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** The raw paths requested so far, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  static void send(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    byte[] body = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(404, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
