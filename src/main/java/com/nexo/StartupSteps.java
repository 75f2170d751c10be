package com.nexo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Where start-up spends its CPU, for whoever tunes it: with {@code -Dnexo.startup.steps=N} the
 * application records Spring's start-up steps (configuration-class parsing, each bean's creation,
 * repositories, the web server...) with the CPU time of the thread that ran them, and once ready
 * logs the N steps that cost the most CPU themselves (their nested steps subtracted), then the
 * process's CPU time beside the main thread's (the rest went to the JIT compilers, the collector and
 * other threads). Without the property nothing is recorded.
 */
final class StartupSteps implements ApplicationStartup, ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSteps.class);

    private final int top;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong ids = new AtomicLong();
    private final ThreadLocal<Deque<Step>> open = ThreadLocal.withInitial(ArrayDeque::new);
    private final List<Step> ended = new ArrayList<>();

    private StartupSteps(int top) {
        this.top = top;
    }

    /** The recorder asked for by {@code nexo.startup.steps}, or null when it is not set. */
    static StartupSteps fromSystemProperty() {
        String value = System.getProperty("nexo.startup.steps");
        if (value == null || value.isBlank()) {
            return null;
        }
        return new StartupSteps(Math.max(1, Integer.parseInt(value.strip())));
    }

    @Override
    public StartupStep start(String name) {
        Deque<Step> stack = open.get();
        Step step = new Step(ids.incrementAndGet(), name, stack.peek(), stack);
        stack.push(step);
        return step;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<Step> steps;
        synchronized (ended) {
            steps = new ArrayList<>(ended);
        }
        steps.sort(Comparator.comparingLong((Step step) -> step.selfCpu).reversed());
        StringBuilder report = new StringBuilder("Start-up steps by their own CPU time (ms: own CPU, CPU, wall):");
        for (Step step : steps.subList(0, Math.min(top, steps.size()))) {
            report.append(String.format(
                    "%n  %7.0f %7.0f %7.0f  %s %s",
                    step.selfCpu / 1e6, step.cpu / 1e6, step.wall / 1e6, step.name, step.tags));
        }
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (Step step : steps) {
            byName.computeIfAbsent(step.name, name -> new long[2])[0] += step.selfCpu;
            byName.get(step.name)[1]++;
        }
        report.append(String.format("%nOwn CPU time by kind of step (ms, count):"));
        byName.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> entry.getValue()[0])
                        .reversed())
                .limit(top)
                .forEach(entry -> report.append(String.format(
                        "%n  %7.0f %5d  %s", entry.getValue()[0] / 1e6, entry.getValue()[1], entry.getKey())));
        long process = processCpuNanos();
        report.append(String.format(
                "%nCPU until ready: main thread %.1f s, whole process %s",
                threads.getCurrentThreadCpuTime() / 1e9,
                process < 0 ? "unknown" : String.format("%.1f s", process / 1e9)));
        LOG.info(report.toString());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private final class Step implements StartupStep {

        private final long id;
        private final String name;
        private final Step parent;
        private final Deque<Step> stack;
        private final Thread thread = Thread.currentThread();
        private final long startWall = System.nanoTime();
        private final long startCpu = threads.getCurrentThreadCpuTime();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private long childrenCpu;
        private long wall;
        private long cpu;
        private long selfCpu;

        Step(long id, String name, Step parent, Deque<Step> stack) {
            this.id = id;
            this.name = name;
            this.parent = parent;
            this.stack = stack;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public long getId() {
            return id;
        }

        @Override
        public Long getParentId() {
            return parent == null ? null : parent.id;
        }

        @Override
        public StartupStep tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        @Override
        public StartupStep tag(String key, Supplier<String> value) {
            return tag(key, value.get());
        }

        @Override
        public Tags getTags() {
            return () -> {
                Iterator<Map.Entry<String, String>> entries = tags.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Tag next() {
                        Map.Entry<String, String> entry = entries.next();
                        return new Tag() {
                            @Override
                            public String getKey() {
                                return entry.getKey();
                            }

                            @Override
                            public String getValue() {
                                return entry.getValue();
                            }
                        };
                    }
                };
            };
        }

        @Override
        public void end() {
            wall = System.nanoTime() - startWall;
            // A step ended on another thread than it began on has no meaningful thread CPU time.
            cpu = Thread.currentThread() == thread ? threads.getCurrentThreadCpuTime() - startCpu : 0;
            selfCpu = Math.max(0, cpu - childrenCpu);
            if (parent != null && parent.thread == thread) {
                parent.childrenCpu += cpu;
            }
            if (Thread.currentThread() == thread) {
                stack.remove(this);
            }
            synchronized (ended) {
                ended.add(this);
            }
        }
    }
}
