package fi.hyte.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap in use, sampled on a daemon thread: the peak, and the peak of what was left after a
 * collection (what the work really held). "Before" is read after a {@code System.gc()}.
 */
final class HeapSampler implements Runnable {

    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private final long intervalMillis;
    private final long before;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile long peakAfterGc;
    private final Thread thread;

    private HeapSampler(long intervalMillis) {
        this.intervalMillis = intervalMillis;
        System.gc();
        before = used();
        thread = new Thread(this, "heap-sampler");
        thread.setDaemon(true);
    }

    /** Sampling every 50 ms, for work that takes seconds or more. */
    static HeapSampler start() {
        return start(50);
    }

    static HeapSampler start(long intervalMillis) {
        HeapSampler sampler = new HeapSampler(intervalMillis);
        sampler.thread.start();
        return sampler;
    }

    @Override
    public void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peak = Math.max(peak, used());
        long afterGc = pools.stream()
                .map(MemoryPoolMXBean::getCollectionUsage)
                .filter(u -> u != null)
                .mapToLong(u -> u.getUsed())
                .sum();
        peakAfterGc = Math.max(peakAfterGc, afterGc);
    }

    /** Stops sampling, with a last sample of the moment the work ended. */
    void stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    /** Heap in use after a {@code System.gc()} now: what stayed behind. */
    static double afterGcMb() {
        System.gc();
        return used() / 1048576.0;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    double beforeMb() {
        return before / 1048576.0;
    }

    double peakMb() {
        return peak / 1048576.0;
    }

    double peakAfterGcMb() {
        return peakAfterGc / 1048576.0;
    }
}
