//! `chariot sim`: serves the simulated Jamf Pro tenant until interrupted.
//!
//! The first lines of standard output are machine-readable on purpose (tests and the
//! conformance script parse them):
//! ```text
//! listening on http://127.0.0.1:PORT
//! user: USERNAME
//! password: PASSWORD
//! client_id: ID
//! client_secret: SECRET
//! ```

use chariot_sim::{FaultConfig, SimConfig};
use clap::Args;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct SimArgs {
    /// Port on 127.0.0.1 (0 = any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Number of devices (0 = the default school: 2 carts, 38 iPads).
    #[arg(long, default_value_t = 0)]
    devices: usize,
    /// Seed of the demo data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Latency added to every Jamf request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Fault rate, e.g. `--fault 429=0.1 --fault reset=0.01`
    /// (429, 500, 502, 503, 504, reset, timeout, truncate, html, churn).
    #[arg(long = "fault", value_name = "NAME=RATE")]
    faults: Vec<String>,
    /// Simulated seconds per real second.
    #[arg(long, default_value_t = 1.0)]
    clock_speed: f64,
    /// User token lifetime in seconds.
    #[arg(long, default_value_t = 1800)]
    token_ttl_secs: u64,
}

pub fn run(args: SimArgs) -> ExitCode {
    let mut faults = FaultConfig::default();
    for spec in &args.faults {
        if let Err(e) = faults.apply_spec(spec) {
            eprintln!("error: --fault {spec}: {e}");
            return ExitCode::from(2);
        }
    }
    if args.token_ttl_secs == 0 {
        eprintln!("error: --token-ttl-secs must be positive");
        return ExitCode::from(2);
    }
    let config = SimConfig {
        seed: args.seed,
        devices: args.devices,
        latency: Duration::from_millis(args.latency_ms),
        faults,
        port: args.port,
        clock_speed: args.clock_speed,
        token_ttl: Duration::from_secs(args.token_ttl_secs),
        ..SimConfig::default()
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .try_init();
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(async move {
        let sim = match chariot_sim::start(config).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        let c = sim.credentials();
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on {}", sim.base_url());
        let _ = writeln!(out, "user: {}", c.username);
        let _ = writeln!(out, "password: {}", c.password);
        let _ = writeln!(out, "client_id: {}", c.client_id);
        let _ = writeln!(out, "client_secret: {}", c.client_secret);
        let _ = writeln!(
            out,
            "control API: {}/_sim/state (Ctrl-C to stop)",
            sim.base_url()
        );
        let _ = out.flush();
        drop(out);
        let _ = tokio::signal::ctrl_c().await;
        sim.shutdown().await;
        ExitCode::SUCCESS
    })
}
