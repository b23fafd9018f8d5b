//! How often a job's devices are asked for their answers: often at first (an awake iPad
//! answers within seconds), then less and less (an asleep one within minutes or hours). One
//! policy for the app's job runner and `chariot jobs --wait`.

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Backoff {
    next: Duration,
}

impl Backoff {
    pub const FIRST: Duration = Duration::from_secs(2);
    pub const LONGEST: Duration = Duration::from_secs(60);

    pub fn new() -> Backoff {
        Backoff { next: Self::FIRST }
    }

    /// The pause to take now; the one after is half as long again, up to [`Self::LONGEST`].
    pub fn next_pause(&mut self) -> Duration {
        let pause = self.next;
        self.next = (self.next * 3 / 2).min(Self::LONGEST);
        pause
    }

    /// Something changed (devices sent again): poll soon again.
    pub fn reset(&mut self) {
        self.next = Self::FIRST;
    }
}

impl Default for Backoff {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_by_half_up_to_the_longest_pause_and_resets() {
        let mut b = Backoff::new();
        let pauses: Vec<u64> = (0..12).map(|_| b.next_pause().as_millis() as u64).collect();
        assert_eq!(&pauses[..4], &[2000, 3000, 4500, 6750]);
        assert!(pauses.windows(2).all(|w| w[1] >= w[0]));
        assert_eq!(*pauses.last().unwrap(), 60_000);
        b.reset();
        assert_eq!(b.next_pause(), Backoff::FIRST);
    }
}
