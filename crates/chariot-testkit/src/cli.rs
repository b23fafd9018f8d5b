//! The `chariot` binary run against a simulator, with a private CHARIOT_HOME.

use assert_cmd::Command;
use chariot_sim::{RunningSim, SimConfig};
use tempfile::TempDir;

use crate::sim::{BlockingSim, blocking_sim};

/// A simulator serving from its own runtime, and a home for the CLI.
pub struct Env {
    pub rt: tokio::runtime::Runtime,
    pub sim: RunningSim,
    pub home: TempDir,
}

/// The demo school and an empty home.
pub fn env() -> Env {
    env_with(SimConfig::default())
}

/// A simulator of this configuration and an empty home.
pub fn env_with(config: SimConfig) -> Env {
    let BlockingSim { rt, sim } = blocking_sim(config);
    Env {
        rt,
        sim,
        home: crate::home::home(),
    }
}

impl Env {
    /// `chariot` with its home and nothing else: no secret in its environment.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("chariot").unwrap();
        cmd.env("CHARIOT_HOME", self.home.path());
        cmd
    }

    /// `chariot` with these arguments, its home and the demo secrets in the environment
    /// (`DEMO_SECRET`, `DEMO_PASSWORD`, for `--secret-env`).
    pub fn chariot(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare();
        cmd.env("DEMO_SECRET", self.sim.credentials().client_secret)
            .env("DEMO_PASSWORD", self.sim.credentials().password)
            .args(args);
        cmd
    }

    /// `chariot sync` as the demo API client.
    pub fn sync(&self, extra: &[&str]) -> Command {
        let id = self.sim.credentials().client_id;
        self.sync_with(&["--client-id", &id, "--secret-env", "DEMO_SECRET"], extra)
    }

    /// `chariot sync` as the demo user account (bearer tokens that sign-out invalidates).
    pub fn sync_as_user(&self, extra: &[&str]) -> Command {
        let user = self.sim.credentials().username;
        self.sync_with(
            &["--username", &user, "--secret-env", "DEMO_PASSWORD"],
            extra,
        )
    }

    fn sync_with(&self, account: &[&str], extra: &[&str]) -> Command {
        let url = self.sim.base_url();
        let mut args = vec!["sync", "--server", &url];
        args.extend_from_slice(account);
        args.extend_from_slice(extra);
        self.chariot(&args)
    }
}

/// Runs the command, which must succeed, and returns its standard output.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
