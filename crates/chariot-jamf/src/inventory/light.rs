//! Reads beside the detail inventory: the light list of every device (reconciling
//! deletions) and a device's Classic security subset (lost-mode coordinates).

use std::collections::BTreeMap;

use super::MAX_PAGE_SIZE;
use crate::client::JamfClient;
use crate::error::JamfError;
use crate::models::{ClassicDeviceSecurity, ClassicSecurity, LightDevice, Paged};

impl JamfClient {
    /// The light list of every device (id, name, serial, managementId): cheap, for
    /// reconciling deletions. The first page tells the total; the others are then read
    /// together (the client caps requests in flight), as the inventory pages are.
    pub async fn device_list(&self) -> Result<Vec<LightDevice>, JamfError> {
        self.device_list_of_about(0).await
    }

    /// The same when about `expected` devices are known to exist (the inventory's total, the
    /// snapshot's count): the pages that many devices fill are all asked at once, one round
    /// trip instead of two. A fleet that grew is read on; one that shrank leaves pages empty.
    pub async fn device_list_of_about(&self, expected: u64) -> Result<Vec<LightDevice>, JamfError> {
        let mut all: BTreeMap<String, LightDevice> = BTreeMap::new();
        let guessed = expected
            .div_ceil(MAX_PAGE_SIZE as u64)
            .clamp(1, u32::MAX as u64) as u32;
        let mut answers = self.device_list_pages(0..guessed, MAX_PAGE_SIZE).await?;
        let first = answers.remove(0);
        let total = first.total_count;
        // Page size as the server applied it (it may cap lower than asked, silently; the
        // other pages were then cut at that size too: the server computes offsets itself).
        let size = first.results.len() as u32;
        for page in std::iter::once(first).chain(answers) {
            all.extend(page.results.into_iter().map(|d| (d.id.clone(), d)));
        }
        if size == 0 || all.len() as u64 >= total {
            return Ok(all.into_values().collect());
        }
        let pages = total.div_ceil(size as u64) as u32;
        if pages > guessed {
            for page in self.device_list_pages(guessed..pages, size).await? {
                all.extend(page.results.into_iter().map(|d| (d.id.clone(), d)));
            }
        }
        // The fleet may have grown while paging: walk on until a page comes back empty (never
        // stop on a "short" page: the silent cap makes every page look short).
        let mut page = pages.max(guessed);
        while (all.len() as u64) < total {
            let answer = self.device_list_page_sized(page, size).await?;
            if answer.results.is_empty() {
                break;
            }
            all.extend(answer.results.into_iter().map(|d| (d.id.clone(), d)));
            page += 1;
        }
        Ok(all.into_values().collect())
    }

    /// Pages `pages` of the light list, read together; in page order.
    async fn device_list_pages(
        &self,
        pages: std::ops::Range<u32>,
        size: u32,
    ) -> Result<Vec<Paged<LightDevice>>, JamfError> {
        let mut tasks = tokio::task::JoinSet::new();
        for page in pages.clone() {
            let client = self.clone();
            tasks.spawn(async move {
                let answer = client.device_list_page_sized(page, size).await;
                (page, answer)
            });
        }
        let mut answers = Vec::with_capacity(pages.len());
        while let Some(joined) = tasks.join_next().await {
            let (page, answer) = joined.map_err(|e| JamfError::Decode {
                what: "the device list".into(),
                detail: format!("the page task failed: {e}"),
            })?;
            answers.push((page, answer?));
        }
        answers.sort_by_key(|(page, _)| *page);
        Ok(answers.into_iter().map(|(_, answer)| answer).collect())
    }

    async fn device_list_page_sized(
        &self,
        page: u32,
        size: u32,
    ) -> Result<Paged<LightDevice>, JamfError> {
        let params = [
            ("page", page.to_string()),
            ("page-size", size.to_string()),
            ("sort", "id:asc".to_owned()),
        ];
        self.get_json("/api/v2/mobile-devices", &params).await
    }

    /// Classic `security` subset of one device: lost-mode state and coordinates.
    pub async fn classic_security(&self, device_id: &str) -> Result<ClassicSecurity, JamfError> {
        let path = format!("/JSSResource/mobiledevices/id/{device_id}/subset/Security");
        let answer: ClassicDeviceSecurity = self.get_json(&path, &[]).await?;
        Ok(answer.into_security())
    }
}
