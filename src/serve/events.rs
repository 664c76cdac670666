//! The live-reload event stream (Server-Sent Events): each open tab holds one connection and
//! hears about every new build, good or failed.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use hyper::body::Bytes;
use tokio::sync::mpsc;

use crate::serve::{Shared, Snapshot};

/// At most this many tabs listen at once; more get an immediate answer to retry later.
const MAX_LISTENERS: usize = 64;
/// A comment this often finds out whether the tab is still there.
const PING: Duration = Duration::from_secs(10);

/// The state a tab hears; `full` (a tab on this computer) with the source lines of a failed
/// build, otherwise with its files, lines and messages only.
fn state(s: &Snapshot, full: bool) -> String {
    let value = serde_json::json!({
        "generation": s.generation,
        "css_only": s.css_only,
        "silent": s.silent,
        "error": s.error.as_ref().map(|e| serde_json::json!({"message": if full { &e.full } else { &e.brief }})),
    });
    format!("event: state\ndata: {value}\n\n")
}

/// Starts streaming the site's state to one tab: the chunks to send, until the tab goes away.
/// `None` when too many tabs listen already. Runs on the server's runtime.
pub fn stream(shared: &Arc<Shared>, full: bool) -> Option<mpsc::Receiver<Bytes>> {
    if shared.listeners.fetch_add(1, Ordering::SeqCst) >= MAX_LISTENERS {
        shared.listeners.fetch_sub(1, Ordering::SeqCst);
        return None;
    }
    let (tx, rx) = mpsc::channel(4);
    let shared = Arc::clone(shared);
    let mut changes = shared.subscribe();
    tokio::spawn(async move {
        let mut last = 0;
        let mut ok = tx
            .send(Bytes::from_static(b"retry: 1000\n\n"))
            .await
            .is_ok();
        while ok {
            changes.borrow_and_update();
            let snapshot = shared.snapshot();
            let chunk = if snapshot.generation == last {
                ": ping\n\n".to_owned()
            } else {
                last = snapshot.generation;
                state(&snapshot, full)
            };
            drop(snapshot);
            ok = tx.send(Bytes::from(chunk)).await.is_ok();
            if ok {
                tokio::select! {
                    r = changes.changed() => ok = r.is_ok(),
                    () = tokio::time::sleep(PING) => {}
                    () = tx.closed() => ok = false,
                }
            }
        }
        shared.listeners.fetch_sub(1, Ordering::SeqCst);
    });
    Some(rx)
}
