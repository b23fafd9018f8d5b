//! What the CLI's integration tests share: a simulator on loopback, a private CHARIOT_HOME, and
//! the `chariot` binary pointed at both.
#![allow(dead_code)]

use assert_cmd::Command;
use chariot_sim::{RunningSim, SimConfig};
use tempfile::TempDir;

pub struct Env {
    pub rt: tokio::runtime::Runtime,
    pub sim: RunningSim,
    pub home: TempDir,
}

pub fn env() -> Env {
    env_with(SimConfig::default())
}

pub fn env_with(config: SimConfig) -> Env {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt.block_on(chariot_sim::start(config)).unwrap();
    Env {
        rt,
        sim,
        home: tempfile::tempdir().unwrap(),
    }
}

impl Env {
    pub fn chariot(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("chariot").unwrap();
        cmd.env("CHARIOT_HOME", self.home.path())
            .env("DEMO_SECRET", self.sim.credentials().client_secret)
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
