//! What a Classic resource (apps, groups, profiles, mobile devices) supplies so that one set
//! of handlers (`handlers.rs`) can serve its list, lookups and writes: where its objects are
//! stored, how a `{key}/{value}` path finds one, how it renders, and how a write body
//! changes it. The rules common to every write stay in `write.rs`.

use super::write::{self, El, same_name};
use super::xml::{Node, Subsets};
use crate::error::ClassicError;
use crate::school::World;
use chrono::{DateTime, Utc};

/// The storage and identity methods, which every implementation spells the same way: the
/// objects live in `World::$field`, and each has an `id` and a `name` field.
macro_rules! stored_in {
    ($field:ident) => {
        fn store(w: &World) -> &[Self] {
            &w.$field
        }

        fn store_mut(w: &mut World) -> &mut Vec<Self> {
            &mut w.$field
        }

        fn id(&self) -> u32 {
            self.id
        }

        fn name(&self) -> &str {
            &self.name
        }
    };
}
pub(crate) use stored_in;

pub trait ClassicResource: Clone + Send + 'static {
    /// The element a record, a write body and the `<id>` answer are wrapped in; also the
    /// element of each list item.
    const ROOT: &'static str;
    /// The root of the list response (`mobile_device_applications`).
    const LIST_ROOT: &'static str;

    fn store(w: &World) -> &[Self];
    fn store_mut(w: &mut World) -> &mut Vec<Self>;
    fn id(&self) -> u32;
    fn name(&self) -> &str;

    /// The index of the object a `{key}/{value}` path names: `id` and the exact `name`
    /// everywhere; resources with more keys (serial number, bundle id) override this.
    fn position(w: &World, key: &str, value: &str) -> Option<usize> {
        by_id_or_name::<Self>(w, key, value)
    }

    /// One item of the list response.
    fn summary(&self) -> Node;

    /// The full record, restricted to the wanted subsets (resources without subsets ignore
    /// `only`). Takes the world mutably because group membership is computed lazily.
    fn record(w: &mut World, idx: usize, only: &Subsets) -> Node;

    /// Applies a write body to a copy of the object. The handler stores the copy only when
    /// this succeeds, which makes every request atomic: a 409 changes nothing.
    fn apply(w: &mut World, obj: &mut Self, el: &El, creating: bool) -> Result<(), ClassicError>;

    /// Side effects of an accepted update, once the new copy is stored at `idx` (`before` is
    /// the replaced one). `now` is read before the world is locked.
    fn after_update(_w: &mut World, _idx: usize, _before: &Self, _now: DateTime<Utc>) {}
}

/// Resources the Classic API creates and deletes (mobile devices enrol instead).
pub trait Creatable: ClassicResource {
    /// The last id handed out for this kind: ids are never reused.
    fn last_id(w: &mut World) -> &mut u32;

    /// A new object with Jamf's defaults, before the create body is applied.
    fn blank(id: u32) -> Self;

    /// Drops what pointed at a deleted object (scopes, installed profiles).
    fn forget(_w: &mut World, _id: u32) {}
}

/// The `id` and `name` keys every resource answers to.
pub fn by_id_or_name<R: ClassicResource>(w: &World, key: &str, value: &str) -> Option<usize> {
    let all = R::store(w);
    match key {
        "id" => value
            .parse::<u32>()
            .ok()
            .and_then(|id| all.iter().position(|x| x.id() == id)),
        "name" => all.iter().position(|x| x.name() == value),
        _ => None,
    }
}

/// The index a `{key}/{value}` path names, or the Classic 404 page.
pub fn find<R: ClassicResource>(w: &World, key: &str, value: &str) -> Result<usize, ClassicError> {
    R::position(w, key, value).ok_or_else(ClassicError::not_found)
}

/// Refuses a name another object of the same kind already has (case-insensitively, see
/// `write::same_name`); `id` is the object being written, which may keep its own name.
pub fn unique_name<R: ClassicResource>(w: &World, id: u32, name: &str) -> Result<(), ClassicError> {
    if R::store(w)
        .iter()
        .any(|x| x.id() != id && same_name(x.name(), name))
    {
        return Err(write::duplicate_name());
    }
    Ok(())
}
