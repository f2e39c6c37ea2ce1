//! Wall time and memory of each stage, as `lore build --timings` and `lore serve` show them.

use std::time::{Duration, Instant};

/// One stage of a build as `--timings` shows it.
#[derive(Clone, Debug)]
pub struct StageTiming {
    /// The stage's name (`markdown`, `render`, ...).
    pub stage: &'static str,
    /// Its wall time.
    pub wall: Duration,
    /// Resident memory when it ended, in KiB (Linux only): what the stage left alive.
    pub rss_kib: Option<u64>,
    /// The stage that ran at the same time on the same cores, if any: the two walls overlap.
    pub beside: Option<&'static str>,
}

/// Wall time and memory of each stage of a build.
#[derive(Clone, Debug, Default)]
pub struct Timings(pub Vec<StageTiming>);

impl Timings {
    /// Records that `stage` took `wall`, with the memory resident now.
    pub fn record(&mut self, stage: &'static str, wall: Duration) {
        self.record_beside(stage, wall, None);
    }

    /// [`Timings::record`] for a stage that ran at the same time as stage `beside`.
    fn record_beside(&mut self, stage: &'static str, wall: Duration, beside: Option<&'static str>) {
        self.0.push(StageTiming {
            stage,
            wall,
            rss_kib: memory_kib("VmRSS:"),
            beside,
        });
    }

    /// Runs stage `stage`, telling `progress` first, and records its time.
    pub(crate) fn time<T>(
        &mut self,
        stage: &'static str,
        progress: &dyn Fn(&str),
        f: impl FnOnce() -> T,
    ) -> T {
        progress(stage);
        let start = Instant::now();
        let out = f();
        self.record(stage, start.elapsed());
        out
    }

    /// Runs two stages at the same time on the thread pool, each timed from the common start
    /// to its own end.
    pub(crate) fn time_beside<A: Send, B: Send>(
        &mut self,
        (first, second): (&'static str, &'static str),
        progress: &dyn Fn(&str),
        a: impl FnOnce() -> A + Send,
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        progress(&format!("{first} + {second}"));
        let start = Instant::now();
        let ((a, wa), (b, wb)) = rayon::join(|| (a(), start.elapsed()), || (b(), start.elapsed()));
        self.record_beside(first, wa, Some(second));
        self.record_beside(second, wb, Some(first));
        (a, b)
    }
}

/// A memory figure of this process from `/proc/self/status` (`VmRSS:` now, `VmHWM:` peak), in
/// KiB; `None` where there is no `/proc`.
pub fn memory_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
