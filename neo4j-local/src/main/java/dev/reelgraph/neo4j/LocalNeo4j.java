package dev.reelgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs the embedded Neo4j DBMS with its Bolt connector on loopback for Reelgraph.
 *
 * <p>Protocol with the Node.js side: one line {@code READY bolt://host:port} on stdout once Bolt
 * answers, and an info file ({@code reelgraph-neo4j.json}) in the data folder so that other
 * commands find and reuse this instance. The JVM stops when stdin closes, so a parent that dies
 * (even by SIGKILL) never leaves an orphan holding the store lock.
 */
public final class LocalNeo4j {
  static final String INFO_FILE = "reelgraph-neo4j.json";

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(arg(args, "--data", "neo4j-data")).toAbsolutePath();
    String host = arg(args, "--host", "127.0.0.1");
    int preferredPort = Integer.parseInt(arg(args, "--port", "7687"));
    String pageCache = arg(args, "--pagecache", "512m");
    boolean watchStdin = !hasFlag(args, "--no-stdin-watch");

    Files.createDirectories(dataDir);
    int port = choosePort(host, preferredPort);
    long started = System.nanoTime();

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(dataDir)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
            .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
            // A safety net only: Reelgraph sets a tighter timeout on each of its transactions.
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
            // Timeouts are enforced when the monitor looks (every 2 s by default): a request's
            // deadline would then be overrun by up to that much.
            .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
            // Bolt's shutdown otherwise waits 5 s for its thread pool and 5 s more for connections
            // even when none is open: 10 of the 11 s the bulk import's stop, swap and start took.
            // Reelgraph closes its driver before it stops the DBMS.
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
            .build();

    warmUp(dbms);

    Path info = dataDir.resolve(INFO_FILE);
    AtomicBoolean stopped = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            try {
              Files.deleteIfExists(info);
            } catch (IOException ignored) {
              // A stale info file is detected by its dead pid, so failing to delete it is harmless.
            }
            dbms.shutdown();
            done.countDown();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

    String uri = "bolt://" + host + ":" + port;
    String json =
        String.format(
            "{\"pid\":%d,\"boltUri\":\"%s\",\"port\":%d,\"dataDir\":\"%s\"}%n",
            ProcessHandle.current().pid(), uri, port, dataDir.toString().replace("\\", "\\\\"));
    Files.writeString(info, json, StandardCharsets.UTF_8);
    System.out.printf(
        "READY %s (started in %d ms)%n", uri, (System.nanoTime() - started) / 1_000_000);
    System.out.flush();

    if (watchStdin) {
      Thread watcher =
          new Thread(
              () -> {
                drain(System.in);
                stop.run();
              },
              "parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    done.await();
    System.exit(0);
  }

  /**
   * A new JVM spends a second or more loading and compiling the Cypher parser, planner and runtime
   * on its first statement; done here, before READY, that cost falls on the start rather than on
   * the first request, which matters most after Neo4j restarts under a running API.
   */
  private static void warmUp(DatabaseManagementService dbms) {
    try {
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
          .executeTransactionally(
              "MATCH (n:WarmUp {id: $id})-[r]->(m) WHERE m.year > $year"
                  + " RETURN n.id AS id, collect(m {.title, r: type(r)})[..$limit] AS ms ORDER BY id",
              Map.of("id", "none", "year", 1900, "limit", 10));
    } catch (RuntimeException ignored) {
      // Warming is an optimisation: a database that cannot answer yet is reported by its users.
    }
  }

  /** Reads until end of input: the parent closing its end of the pipe is our signal to stop. */
  private static void drain(InputStream in) {
    byte[] buf = new byte[256];
    try {
      while (in.read(buf) >= 0) {
        // Anything written to us is ignored; only the end of the stream matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, which is the same signal as end of input.
    }
  }

  /** The preferred port when it is free, else any free port, so a second project can run. */
  private static int choosePort(String host, int preferred) throws IOException {
    if (preferred > 0) {
      try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getByName(host))) {
        s.setReuseAddress(true);
        return preferred;
      } catch (IOException taken) {
        // fall through to an ephemeral port
      }
    }
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return s.getLocalPort();
    }
  }

  private static long parseBytes(String text) {
    String t = text.trim().toLowerCase();
    long unit = 1;
    char last = t.charAt(t.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    return Long.parseLong(t) * unit;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static boolean hasFlag(String[] args, String name) {
    for (String a : args) {
      if (a.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
