//! The dev server: the build pipeline in a loop. Watch `content/` and `themes/`, rebuild what
//! changed (files parsed and pages rendered before are reused), and swap the new build in with
//! one pointer write. Requests are always answered from a complete build; a failed rebuild
//! keeps the last good one and tells open tabs what went wrong.

pub mod events;
pub mod hosts;
pub mod http;
pub mod net;
pub mod watch;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Condvar, Mutex, PoisonError, RwLock};
use std::time::Instant;

use crate::diagnostic::{Diagnostics, Lang, Msg};
use crate::output::Outputs;
use crate::render::cache::RenderCache;
use crate::site::{LoadCache, LoadOptions};

/// One build as served.
pub struct Snapshot {
    /// Counts builds, good and failed; tabs reload when it moves.
    pub generation: u64,
    pub outputs: Arc<Outputs>,
    pub base_path: String,
    /// Why the latest rebuild failed (the outputs are then the last good build's).
    pub error: Option<BuildError>,
    /// The latest change touched only stylesheets.
    pub css_only: bool,
    /// Nothing a reader sees changed (the search index caught up): tabs need not reload.
    pub silent: bool,
}

/// A failed rebuild as the browser overlay shows it.
#[derive(Clone, Debug)]
pub struct BuildError {
    /// The diagnostics with the lines of the files they quote.
    pub full: String,
    /// Files, lines and messages only: for browsers on other computers.
    pub brief: String,
}

/// What the request threads, the event streams and the rebuild loop share.
pub struct Shared {
    /// Which `Host` names requests are answered for.
    pub hosts: hosts::HostPolicy,
    current: RwLock<Arc<Snapshot>>,
    /// The generation served, for the event streams to wait on.
    generation: tokio::sync::watch::Sender<u64>,
    pub listeners: AtomicUsize,
}

impl Shared {
    fn new(snapshot: Snapshot, hosts: hosts::HostPolicy) -> Self {
        Self {
            hosts,
            generation: tokio::sync::watch::Sender::new(snapshot.generation),
            current: RwLock::new(Arc::new(snapshot)),
            listeners: AtomicUsize::new(0),
        }
    }

    /// The build to answer from; holding it never blocks a rebuild.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Hears of every new generation.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        self.generation.subscribe()
    }

    /// Puts a new build in place, in one step, and wakes the event streams.
    pub fn publish(&self, snapshot: Snapshot) {
        let generation = snapshot.generation;
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(snapshot);
        self.generation.send_replace(generation);
    }

    /// Replaces the build with `make(current)` only if it is still generation `expected`; a
    /// newer build is never overwritten by work done for an older one.
    pub fn publish_if(&self, expected: u64, make: impl FnOnce(&Snapshot) -> Snapshot) -> bool {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        if current.generation != expected {
            return false;
        }
        let next = make(&current);
        let generation = next.generation;
        *current = Arc::new(next);
        drop(current);
        self.generation.send_replace(generation);
        true
    }
}

/// Builds with the caches of earlier builds.
pub struct Builder {
    root: PathBuf,
    options: LoadOptions,
    loads: LoadCache,
    renders: Arc<RenderCache>,
}

impl Builder {
    pub fn new(root: &Path, options: LoadOptions) -> Self {
        Self {
            root: root.to_path_buf(),
            options,
            loads: LoadCache::default(),
            renders: Arc::new(RenderCache::default()),
        }
    }

    /// Load, check and render, as `prongsai build` does, reusing what did not change; the
    /// search index only when `with_search`. Returns the site too, for the search worker.
    pub fn build(
        &self,
        with_search: bool,
    ) -> (Option<(String, Outputs, crate::site::Site)>, Diagnostics) {
        let (built, diags) = crate::build::build_cached(
            &self.root,
            &self.options,
            Some(&self.loads),
            Some(Arc::clone(&self.renders)),
            if with_search {
                crate::build::Search::Build
            } else {
                crate::build::Search::Later
            },
            crate::build::Destination::default(),
        );
        let built =
            built.map(|(site, outputs)| (site.config.base_path().to_owned(), outputs, site));
        (built, diags)
    }
}

/// A running server: its address and shared state (the tests and benchmarks use this).
pub struct Server {
    pub addr: SocketAddr,
    pub shared: Arc<Shared>,
    listener: net::Listener,
}

impl Server {
    /// Stops accepting connections.
    pub fn stop(&self) {
        self.listener.stop();
    }
}

/// How to serve.
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub load: LoadOptions,
    pub lang: Lang,
    pub quiet: bool,
    /// Host names answered besides the bound address and `localhost` (`--allow-host`).
    pub allow_hosts: Vec<String>,
}

/// Why the server did not start.
#[derive(Debug)]
pub enum StartError {
    /// The first build failed (the errors are printed): the content's problem.
    Build(Msg),
    /// No port, no watcher: the machine's.
    System(Msg),
}

/// Builds, starts listening and watching.
pub fn start(opts: &ServeOptions) -> Result<Server, StartError> {
    let builder = Builder::new(&opts.root, opts.load.clone());
    let (built, diags) = builder.build(true);
    print_diags(&diags, opts);
    let Some((base_path, outputs, _)) = built else {
        return Err(StartError::Build(Msg::new(
            "สร้างเว็บไซต์ไม่สำเร็จ: แก้ข้อผิดพลาดข้างต้นแล้วสั่งใหม่",
            "build failed: fix the errors above and run again",
        )));
    };
    let (listener, addr) = listen(&opts.bind, opts.port, opts).map_err(StartError::System)?;
    let outputs = Outputs {
        files: shared_bodies(outputs.files).collect(),
        keys: outputs.keys,
    };
    let shared = Arc::new(Shared::new(
        Snapshot {
            generation: 1,
            outputs: Arc::new(outputs),
            base_path,
            error: None,
            css_only: false,
            silent: false,
        },
        hosts::HostPolicy::new(addr.ip(), &opts.allow_hosts),
    ));
    let system = |th: &str, en: &str, e: &dyn std::fmt::Display| {
        StartError::System(Msg::new(format!("{th}: {e}"), format!("{en}: {e}")))
    };
    let listener = net::serve(listener, Arc::clone(&shared))
        .map_err(|e| system("เริ่มเซิร์ฟเวอร์ไม่ได้", "cannot start the server", &e))?;

    let changes = watch::watch(&opts.root).map_err(|e| {
        system(
            "ติดตามการแก้ไขไฟล์ของเว็บไซต์ไม่ได้",
            "cannot watch the site's files",
            &e,
        )
    })?;
    let rebuilder = {
        let shared = Arc::clone(&shared);
        let lang = opts.lang;
        let quiet = opts.quiet;
        let root = opts.root.clone();
        std::thread::spawn(move || rebuild_loop(&builder, &shared, &changes, lang, quiet, &root))
    };
    drop(rebuilder);
    Ok(Server {
        addr,
        shared,
        listener,
    })
}

fn print_diags(diags: &Diagnostics, opts: &ServeOptions) {
    let shown: Vec<_> = diags
        .0
        .iter()
        .filter(|d| !opts.quiet || d.is_error())
        .cloned()
        .collect();
    if !shown.is_empty() {
        eprint!("{}", Diagnostics(shown).render(opts.lang));
    }
}

/// Binds `bind:port`; when the port is taken, tries the next ten and says which one it got.
fn listen(
    bind: &str,
    port: u16,
    opts: &ServeOptions,
) -> Result<(std::net::TcpListener, SocketAddr), Msg> {
    let mut last = String::new();
    let tries = if port == 0 { 1 } else { 11 };
    for p in (0..tries).map(|i| port.saturating_add(i)) {
        match std::net::TcpListener::bind((bind, p)) {
            Ok(listener) => {
                let addr = listener
                    .local_addr()
                    .map_err(|e| Msg::new(e.to_string(), e.to_string()))?;
                // A fact, said even under -q: staff would otherwise open another site on the
                // usual port.
                if p != port && port != 0 {
                    match opts.lang {
                        Lang::Th => eprintln!("พอร์ต {port} มีโปรแกรมอื่นใช้อยู่ จึงใช้พอร์ต {p} แทน"),
                        Lang::En => eprintln!("port {port} is in use; using {p} instead"),
                    }
                }
                return Ok((listener, addr));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(Msg::new(
        format!(
            "เปิดพอร์ต {bind}:{port} และสิบพอร์ตถัดไปไม่ได้ ({last}) ให้เลือกพอร์ตอื่นด้วย --port เช่น --port 8080"
        ),
        format!(
            "cannot listen on {bind}:{port} or the ten ports after it ({last}); choose another with --port"
        ),
    ))
}

/// Builds the search index behind the pages: one index at a time, on one core (the other
/// stays free for rebuilds), always for the newest site; an index finished for a site that
/// has been replaced meanwhile is dropped.
struct SearchWorker {
    latest: Mutex<Option<(u64, crate::site::Site)>>,
    wake: Condvar,
}

impl SearchWorker {
    fn start(shared: Arc<Shared>) -> Arc<Self> {
        let worker = Arc::new(Self {
            latest: Mutex::new(None),
            wake: Condvar::new(),
        });
        let w = Arc::clone(&worker);
        std::thread::spawn(move || {
            // Below the rebuilds in priority: a rebuild may take both cores while it runs.
            #[cfg(target_os = "linux")]
            let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .start_handler(|_| {
                    #[cfg(target_os = "linux")]
                    let _ =
                        rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
                })
                .build()
                .ok();
            loop {
                let (generation, site) = {
                    let mut slot = w.latest.lock().unwrap_or_else(PoisonError::into_inner);
                    loop {
                        if let Some(job) = slot.take() {
                            break job;
                        }
                        slot = w.wake.wait(slot).unwrap_or_else(PoisonError::into_inner);
                    }
                };
                let build = || crate::build::render_search(&site);
                let result = crate::timing::phase("search (after serving)", || match &pool {
                    Some(p) => p.install(build),
                    None => build(),
                });
                let Ok(search) = result else { continue };
                let urls = crate::render::Urls::new(&site.config.base_url, site.config.base_path());
                shared.publish_if(generation, |current| {
                    let mut merged = Outputs {
                        files: current.outputs.files.clone(),
                        keys: current.outputs.keys.clone(),
                    };
                    merged.files.retain(|k, _| !k.starts_with("search/"));
                    merged.files.extend(shared_bodies(search.files));
                    // The sitemap lists the search page too.
                    crate::output::sitemap::render(&site, &urls, &mut merged);
                    Snapshot {
                        generation: current.generation + 1,
                        outputs: Arc::new(merged),
                        base_path: current.base_path.clone(),
                        error: None,
                        css_only: false,
                        silent: true,
                    }
                });
            }
        });
        worker
    }

    fn request(&self, generation: u64, site: crate::site::Site) {
        *self.latest.lock().unwrap_or_else(PoisonError::into_inner) = Some((generation, site));
        self.wake.notify_one();
    }
}

/// The same files as shared bytes, so copying a snapshot's file list copies pointers.
fn shared_bodies(
    files: std::collections::BTreeMap<String, crate::output::Body>,
) -> impl Iterator<Item = (String, crate::output::Body)> {
    use crate::output::Body;
    files.into_iter().map(|(k, b)| match b {
        Body::Bytes(v) => (k, Body::Shared(v.into())),
        other => (k, other),
    })
}

fn rebuild_loop(
    builder: &Builder,
    shared: &Arc<Shared>,
    changes: &std::sync::mpsc::Receiver<watch::Change>,
    lang: Lang,
    quiet: bool,
    _root: &Path,
) {
    let search = SearchWorker::start(Arc::clone(shared));
    while let Ok(mut change) = changes.recv() {
        // Take every batch already waiting: one rebuild serves them all.
        while let Ok(more) = changes.try_recv() {
            change.merge(more);
        }
        let start = Instant::now();
        // Pages first, served at once; the search index (seconds on a large site) follows.
        let (built, diags) = builder.build(false);
        let previous = shared.snapshot();
        let generation = previous.generation + 1;
        match built {
            Some((base_path, mut outputs, site)) => {
                // Until the new index is ready, the previous one answers searches.
                for (path, body) in previous
                    .outputs
                    .files
                    .iter()
                    .filter(|(k, _)| k.starts_with("search/"))
                {
                    outputs
                        .files
                        .entry(path.clone())
                        .or_insert_with(|| body.clone());
                }
                shared.publish(Snapshot {
                    generation,
                    outputs: Arc::new(outputs),
                    base_path: base_path.clone(),
                    error: None,
                    css_only: change.css_only && previous.error.is_none(),
                    silent: false,
                });
                if !quiet {
                    let ms = start.elapsed().as_millis();
                    match lang {
                        Lang::Th => eprintln!("สร้างใหม่แล้ว ({ms} ms)"),
                        Lang::En => eprintln!("rebuilt in {ms} ms"),
                    }
                }
                search.request(generation, site);
            }
            None => {
                let errors =
                    Diagnostics(diags.0.iter().filter(|d| d.is_error()).cloned().collect());
                let text = errors.render(lang);
                eprint!("{text}");
                let brief = Diagnostics(
                    errors
                        .0
                        .into_iter()
                        .map(|mut d| {
                            d.snippet = None;
                            d
                        })
                        .collect(),
                )
                .render(lang);
                shared.publish(Snapshot {
                    generation,
                    outputs: Arc::clone(&previous.outputs),
                    base_path: previous.base_path.clone(),
                    error: Some(BuildError { full: text, brief }),
                    css_only: false,
                    silent: false,
                });
                if !quiet {
                    match lang {
                        Lang::Th => eprintln!("สร้างใหม่ไม่สำเร็จ: ยังแสดงฉบับล่าสุดที่สร้างได้"),
                        Lang::En => eprintln!("rebuild failed: still serving the last good build"),
                    }
                }
            }
        }
    }
}

/// Keeps the process serving until it is stopped.
pub fn wait_forever() {
    loop {
        std::thread::park();
    }
}
