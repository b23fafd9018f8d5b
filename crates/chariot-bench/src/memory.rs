//! Peak resident memory of the current process, read by a child just before it reports.
//!
//! On Linux this is `VmHWM` from `/proc/self/status`: the high-water mark of this process
//! image only. `getrusage(RUSAGE_SELF).ru_maxrss` is not used there because Linux carries it
//! across `execve`, and the standard library spawns with `vfork`-like semantics, so a child
//! would inherit the parent's peak (the parent holds a 50 000-device simulator). Elsewhere on
//! Unix (macOS) `ru_maxrss` is per process image and is used; on Windows nothing is reported.

/// User + system CPU time of this process so far, in seconds (Unix; `None` elsewhere).
pub fn cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        // SAFETY: getrusage only writes into the zeroed struct we own.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
            return None;
        }
        let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        Some(secs(usage.ru_utime) + secs(usage.ru_stime))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Bytes, or `None` when the platform does not say.
pub fn peak_rss_bytes() -> Option<u64> {
    imp::peak_rss_bytes()
}

#[cfg(target_os = "linux")]
mod imp {
    pub fn peak_rss_bytes() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        parse_vm_hwm(&status)
    }

    /// `VmHWM:    123456 kB` → bytes.
    pub fn parse_vm_hwm(status: &str) -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line
            .trim_start_matches("VmHWM:")
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kb * 1024)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn reads_vm_hwm_in_kilobytes() {
            let status = "Name:\tx\nVmPeak:\t  9 kB\nVmHWM:\t   2048 kB\nVmRSS:\t 1 kB\n";
            assert_eq!(super::parse_vm_hwm(status), Some(2048 * 1024));
            assert_eq!(super::parse_vm_hwm("Name:\tx\n"), None);
        }

        #[test]
        fn this_process_has_a_peak() {
            assert!(super::peak_rss_bytes().is_some_and(|b| b > 0));
        }
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
mod imp {
    pub fn peak_rss_bytes() -> Option<u64> {
        // SAFETY: getrusage only writes into the zeroed struct we own.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
            return None;
        }
        let raw = u64::try_from(usage.ru_maxrss).ok()?;
        // macOS reports bytes; the BSDs, like Linux, kilobytes.
        Some(if cfg!(target_os = "macos") {
            raw
        } else {
            raw * 1024
        })
    }
}

#[cfg(not(unix))]
mod imp {
    pub fn peak_rss_bytes() -> Option<u64> {
        None
    }
}
