//! What the figures were measured on: they mean little without the machine and the date.

/// Cores, CPU model (from `/proc/cpuinfo` where there is one), OS and the date.
#[derive(Debug, Clone)]
pub struct Machine {
    pub cores: usize,
    pub cpu: Option<String>,
    pub os: String,
    pub date: String,
}

impl Machine {
    pub fn describe() -> Machine {
        Machine {
            cores: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            cpu: std::fs::read_to_string("/proc/cpuinfo")
                .ok()
                .and_then(|s| cpu_model(&s)),
            os: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
            date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        }
    }
}

/// The first `model name` (x86) or `Model`/`Hardware` (ARM) line of `/proc/cpuinfo`.
fn cpu_model(cpuinfo: &str) -> Option<String> {
    ["model name", "Model", "Hardware"].iter().find_map(|key| {
        cpuinfo.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == *key && !v.trim().is_empty()).then(|| v.trim().to_owned())
        })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_cpu_model() {
        let info =
            "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) 2.20GHz\n";
        assert_eq!(
            super::cpu_model(info).as_deref(),
            Some("Intel(R) Xeon(R) 2.20GHz")
        );
        assert_eq!(super::cpu_model("processor\t: 0\n"), None);
    }
}
