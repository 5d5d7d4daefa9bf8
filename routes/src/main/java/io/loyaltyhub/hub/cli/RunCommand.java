package io.loyaltyhub.hub.cli;

import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.config.HubSettings;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Start the hub and keep it running until Ctrl-C.")
final class RunCommand implements Callable<Integer> {
    /** The exit status of a hub that stopped working and must be started again (EX_SOFTWARE of sysexits.h). */
    static final int EXIT_FAILED = 70;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--demo", description = "seed two demo merchants, a card range, and print curl commands to try")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        HubSettings loaded = settings.loadForNewData();
        List<HubExtension> extensions = HubExtensions.all();
        LoyaltyHub hub = LoyaltyHub.start(loaded, extensions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.stopGracefully();
            stopped.countDown();
        }, "hub-shutdown"));
        hub.failure().thenAccept(reason -> {
            System.err.println("error: " + reason + "; the hub exits (status " + EXIT_FAILED + ") so that it is started again");
            // On its own thread: System.exit waits for the shutdown hook, which closes what called this.
            new Thread(() -> System.exit(EXIT_FAILED), "hub-exit").start();
        });
        System.out.printf("Loyalty Hub is running. HTTP: http://%s:%d  (data in %s)%n",
                "0.0.0.0".equals(loaded.text("hub.http.host")) ? "127.0.0.1" : loaded.text("hub.http.host"),
                hub.httpPort(), loaded.dataDir().toAbsolutePath());
        if (demo) {
            new DemoCoalition(hub, extensions).seedAndPrint(System.out);
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
