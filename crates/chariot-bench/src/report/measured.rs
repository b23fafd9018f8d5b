//! A scenario's figure over several runs.

/// A scenario run several times: the median run, and the fastest and slowest times.
pub struct Measured<T> {
    pub median: T,
    pub spread: Option<(f64, f64)>,
}

impl<T> std::ops::Deref for Measured<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.median
    }
}
