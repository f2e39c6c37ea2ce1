//! The small site `lore init` writes: `site.yaml` with the languages asked for, and in each of
//! them a home page, an about page and one page of each built-in type (a guide with a chapter, a
//! toolkit with a file, a technique card, an event), each saying which file it is and how to
//! change it. English, French, Spanish and Arabic pages are written in their language; pages in
//! any other language start as the English text, for the editor to translate.

use chrono::{Days, NaiveDate};

use crate::config::{Config, Direction};

/// One file of the new site: its path under the site folder and its text.
pub(super) struct StarterFile {
    /// Path with `/` separators, relative to the site folder.
    pub path: String,
    /// The file's bytes (text, or a picture of the example site).
    pub text: Vec<u8>,
}

/// A language asked for: its code, its own name for itself and its writing direction.
struct Lang {
    code: String,
    name: String,
    dir: Direction,
}

/// Names of the languages lore's users most often publish in, in those languages.
const NAMES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("pt", "Português"),
    ("sw", "Kiswahili"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("ru", "Русский"),
    ("zh", "中文"),
    ("hi", "हिन्दी"),
    ("am", "አማርኛ"),
    ("ha", "Hausa"),
    ("fa", "فارسی"),
    ("ur", "اردو"),
    ("he", "עברית"),
];

/// Languages written right to left (by the code's first part).
const RTL: &[&str] = &["ar", "fa", "he", "ur", "ps", "dv", "yi", "ckb", "sd", "ug"];

fn lang(code: &str) -> Lang {
    let code = code.trim().to_string();
    let base = code.split('-').next().unwrap_or("");
    let name = NAMES
        .iter()
        .find(|(c, _)| *c == code || *c == base)
        .map_or_else(|| code.clone(), |(_, n)| n.to_string());
    let dir = if RTL.contains(&base) {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    Lang { code, name, dir }
}

/// The words of the starter pages in one language.
struct Texts {
    title: &'static str,
    description: &'static str,
    menu: [&'static str; 4],
    sections: [&'static str; 4],
    home: [&'static str; 2],
    about: [&'static str; 2],
    guide: [&'static str; 3],
    chapter: [&'static str; 2],
    toolkit: [&'static str; 4],
    technique: [&'static str; 3],
    materials: [&'static str; 3],
    time: &'static str,
    steps: [&'static str; 3],
    event: [&'static str; 3],
    online: &'static str,
}

const EN: Texts = Texts {
    title: "Our knowledge site",
    description: "Guides, toolkits, techniques and events from our team.",
    menu: ["Guides", "Toolkits", "Techniques", "Events"],
    sections: [
        "Step-by-step guidance on a practice.",
        "Templates and tools to download and adapt.",
        "One-page cards for participatory and visual methods.",
        "Meetings, workshops and trainings, upcoming and past.",
    ],
    home: [
        "Welcome",
        "This site is made by lore from the Markdown files in the `content` folder.\n\nThis page is `{file}`. Open it in a text editor, change this sentence and save: the preview (`lore serve`) shows the change at once.\n\n- [A first guide](guides/first-guide/_index.md)\n- [A starter toolkit](toolkits/starter-toolkit.md)\n- [Problem tree](techniques/problem-tree.md), a technique card\n- [Our first meeting](events/first-meeting.md), an event\n- [About this site](about.md)\n",
    ],
    about: [
        "About this site",
        "This page is `{file}`. Say here who writes this site, for whom, and how to reach you.\n",
    ],
    guide: [
        "A first guide",
        "How a guide is made: a front page and its chapters.",
        "A guide is a folder: this front page is `{file}`, and every other page in the folder is a chapter, listed here in order.\n\n> [!TIP]\n> Tips, checklists and key considerations written like this one are collected on the guide's front page.\n",
    ],
    chapter: [
        "First steps",
        "This chapter is `{file}`. Add a chapter with `lore new guide \"Title\" --section guides/first-guide`; `weight` in the front matter sets its place.\n\n## A heading\n\nHeadings get their own link, and the guide's contents list them.\n",
    ],
    toolkit: [
        "A starter toolkit",
        "Templates to download and adapt.",
        "This page is `{file}`. A toolkit lists its tools under `tools:` at the top: a file kept beside the page (`files/...`) or a link.\n",
        "Meeting notes template",
    ],
    technique: [
        "Problem tree",
        "Map the causes and effects of one problem with a group.",
        "This card is `{file}`. The fields at the top (purpose, time, group size, materials, steps) make the summary box, and the techniques page shows every card in a grid with filters.\n",
    ],
    materials: ["large paper", "sticky notes", "markers"],
    time: "60 to 90 minutes",
    steps: [
        "Write the problem in the middle of the paper.",
        "Ask why it happens: causes go below, as roots.",
        "Ask what follows from it: effects go above, as branches.",
    ],
    event: [
        "Our first meeting",
        "An online meeting to plan the site together.",
        "This event is `{file}`. Until its `start` it is listed under upcoming events, then under past ones; readers can add it to their calendar.\n",
    ],
    online: "Online",
};

const FR: Texts = Texts {
    title: "Notre site de connaissances",
    description: "Guides, boîtes à outils, techniques et événements de notre équipe.",
    menu: ["Guides", "Boîtes à outils", "Techniques", "Événements"],
    sections: [
        "Des conseils pas à pas sur une pratique.",
        "Des modèles et outils à télécharger et à adapter.",
        "Des fiches d'une page sur des méthodes participatives et visuelles.",
        "Réunions, ateliers et formations, à venir et passés.",
    ],
    home: [
        "Bienvenue",
        "Ce site est fait par lore à partir des fichiers Markdown du dossier `content`.\n\nCette page est `{file}`. Ouvrez-la dans un éditeur de texte, changez cette phrase et enregistrez : l'aperçu (`lore serve`) montre aussitôt le changement.\n\n- [Un premier guide](guides/first-guide/_index.md)\n- [Une boîte à outils de départ](toolkits/starter-toolkit.md)\n- [L'arbre à problèmes](techniques/problem-tree.md), une fiche technique\n- [Notre première réunion](events/first-meeting.md), un événement\n- [À propos de ce site](about.md)\n",
    ],
    about: [
        "À propos de ce site",
        "Cette page est `{file}`. Dites ici qui écrit ce site, pour qui, et comment vous joindre.\n",
    ],
    guide: [
        "Un premier guide",
        "Comment un guide est fait : une page d'accueil et ses chapitres.",
        "Un guide est un dossier : cette page d'accueil est `{file}`, et chaque autre page du dossier est un chapitre, listé ici dans l'ordre.\n\n> [!TIP]\n> Les conseils, listes de contrôle et points clés écrits comme celui-ci sont rassemblés sur la page d'accueil du guide.\n",
    ],
    chapter: [
        "Premiers pas",
        "Ce chapitre est `{file}`. Ajoutez un chapitre avec `lore new guide \"Titre\" --section guides/first-guide --lang fr` ; `weight` fixe sa place.\n\n## Un titre\n\nChaque titre a son propre lien, et la table des matières du guide les liste.\n",
    ],
    toolkit: [
        "Une boîte à outils de départ",
        "Des modèles à télécharger et à adapter.",
        "Cette page est `{file}`. Une boîte à outils liste ses outils sous `tools:` en haut : un fichier gardé à côté de la page (`files/...`) ou un lien.\n",
        "Modèle de compte rendu de réunion",
    ],
    technique: [
        "L’arbre à problèmes",
        "Cartographier en groupe les causes et les effets d'un problème.",
        "Cette fiche est `{file}`. Les champs du haut (objectif, durée, taille du groupe, matériel, étapes) forment l'encadré de synthèse, et la page des techniques montre toutes les fiches en grille, avec des filtres.\n",
    ],
    materials: ["grandes feuilles", "notes adhésives", "marqueurs"],
    time: "60 à 90 minutes",
    steps: [
        "Écrivez le problème au milieu de la feuille.",
        "Demandez pourquoi il existe : les causes vont en bas, comme des racines.",
        "Demandez ce qu'il entraîne : les effets vont en haut, comme des branches.",
    ],
    event: [
        "Notre première réunion",
        "Une réunion en ligne pour préparer le site ensemble.",
        "Cet événement est `{file}`. Jusqu'à son début (`start`) il figure parmi les événements à venir, ensuite parmi les événements passés ; les lecteurs peuvent l'ajouter à leur agenda.\n",
    ],
    online: "En ligne",
};

const ES: Texts = Texts {
    title: "Nuestro sitio de conocimientos",
    description: "Guías, cajas de herramientas, técnicas y eventos de nuestro equipo.",
    menu: ["Guías", "Cajas de herramientas", "Técnicas", "Eventos"],
    sections: [
        "Orientación paso a paso sobre una práctica.",
        "Plantillas y herramientas para descargar y adaptar.",
        "Fichas de una página sobre métodos participativos y visuales.",
        "Reuniones, talleres y formaciones, próximos y pasados.",
    ],
    home: [
        "Bienvenida",
        "lore hace este sitio con los archivos Markdown de la carpeta `content`.\n\nEsta página es `{file}`. Ábrala en un editor de texto, cambie esta frase y guarde: la vista previa (`lore serve`) muestra el cambio enseguida.\n\n- [Una primera guía](guides/first-guide/_index.md)\n- [Una caja de herramientas inicial](toolkits/starter-toolkit.md)\n- [Árbol de problemas](techniques/problem-tree.md), una ficha de técnica\n- [Nuestra primera reunión](events/first-meeting.md), un evento\n- [Acerca de este sitio](about.md)\n",
    ],
    about: [
        "Acerca de este sitio",
        "Esta página es `{file}`. Diga aquí quién escribe este sitio, para quién y cómo contactarle.\n",
    ],
    guide: [
        "Una primera guía",
        "Cómo se hace una guía: una portada y sus capítulos.",
        "Una guía es una carpeta: esta portada es `{file}`, y cada otra página de la carpeta es un capítulo, listado aquí en orden.\n\n> [!TIP]\n> Los consejos, listas de control y aspectos clave escritos como este se reúnen en la portada de la guía.\n",
    ],
    chapter: [
        "Primeros pasos",
        "Este capítulo es `{file}`. Añada un capítulo con `lore new guide \"Título\" --section guides/first-guide --lang es`; `weight` fija su lugar.\n\n## Un título\n\nCada título tiene su propio enlace, y el índice de la guía los lista.\n",
    ],
    toolkit: [
        "Una caja de herramientas inicial",
        "Plantillas para descargar y adaptar.",
        "Esta página es `{file}`. Una caja de herramientas lista sus herramientas en `tools:` arriba: un archivo guardado junto a la página (`files/...`) o un enlace.\n",
        "Plantilla de acta de reunión",
    ],
    technique: [
        "Árbol de problemas",
        "Mapear en grupo las causas y los efectos de un problema.",
        "Esta ficha es `{file}`. Los campos de arriba (propósito, duración, tamaño del grupo, materiales, pasos) forman el recuadro de resumen, y la página de técnicas muestra todas las fichas en una cuadrícula con filtros.\n",
    ],
    materials: ["papel grande", "notas adhesivas", "marcadores"],
    time: "60 a 90 minutos",
    steps: [
        "Escriba el problema en el centro del papel.",
        "Pregunte por qué ocurre: las causas van abajo, como raíces.",
        "Pregunte qué provoca: los efectos van arriba, como ramas.",
    ],
    event: [
        "Nuestra primera reunión",
        "Una reunión en línea para preparar el sitio juntos.",
        "Este evento es `{file}`. Hasta su inicio (`start`) aparece entre los próximos eventos, después entre los pasados; los lectores pueden añadirlo a su calendario.\n",
    ],
    online: "En línea",
};

const AR: Texts = Texts {
    title: "موقع معارفنا",
    description: "أدلة ومجموعات أدوات وتقنيات وفعاليات من فريقنا.",
    menu: ["الأدلة", "مجموعات الأدوات", "التقنيات", "الفعاليات"],
    sections: [
        "إرشادات خطوة بخطوة حول ممارسة ما.",
        "نماذج وأدوات للتنزيل والتكييف.",
        "بطاقات من صفحة واحدة عن أساليب تشاركية وبصرية.",
        "اجتماعات وورش عمل ودورات تدريبية، قادمة وسابقة.",
    ],
    home: [
        "مرحبًا",
        "يصنع lore هذا الموقع من ملفات Markdown في مجلد `content`.\n\nهذه الصفحة هي `{file}`. افتحها في محرر نصوص، وغيّر هذه الجملة واحفظ: تعرض المعاينة (`lore serve`) التغيير فورًا.\n\n- [دليل أول](guides/first-guide/_index.md)\n- [مجموعة أدوات للبدء](toolkits/starter-toolkit.md)\n- [شجرة المشكلات](techniques/problem-tree.md)، بطاقة تقنية\n- [اجتماعنا الأول](events/first-meeting.md)، فعالية\n- [عن هذا الموقع](about.md)\n",
    ],
    about: [
        "عن هذا الموقع",
        "هذه الصفحة هي `{file}`. اكتب هنا من يكتب هذا الموقع، ولمن، وكيف يمكن التواصل معكم.\n",
    ],
    guide: [
        "دليل أول",
        "كيف يُبنى الدليل: صفحة رئيسية وفصولها.",
        "الدليل مجلد: هذه الصفحة الرئيسية هي `{file}`، وكل صفحة أخرى في المجلد فصل، مدرج هنا بالترتيب.\n\n> [!TIP]\n> تُجمع النصائح وقوائم التحقق والاعتبارات الأساسية المكتوبة هكذا في الصفحة الرئيسية للدليل.\n",
    ],
    chapter: [
        "الخطوات الأولى",
        "هذا الفصل هو `{file}`. أضف فصلًا بالأمر `lore new guide \"العنوان\" --section guides/first-guide --lang ar`؛ ويحدد `weight` مكانه.\n\n## عنوان\n\nلكل عنوان رابطه الخاص، وتدرجه قائمة محتويات الدليل.\n",
    ],
    toolkit: [
        "مجموعة أدوات للبدء",
        "نماذج للتنزيل والتكييف.",
        "هذه الصفحة هي `{file}`. تدرج مجموعة الأدوات أدواتها تحت `tools:` في الأعلى: ملف محفوظ بجانب الصفحة (`files/...`) أو رابط.\n",
        "نموذج محضر اجتماع",
    ],
    technique: [
        "شجرة المشكلات",
        "رسم أسباب مشكلة واحدة ونتائجها مع مجموعة.",
        "هذه البطاقة هي `{file}`. الحقول في الأعلى (الغرض، المدة، حجم المجموعة، المواد، الخطوات) تكوّن مربع الملخص، وتعرض صفحة التقنيات كل البطاقات في شبكة مع عوامل تصفية.\n",
    ],
    materials: ["ورق كبير", "أوراق لاصقة", "أقلام"],
    time: "من 60 إلى 90 دقيقة",
    steps: [
        "اكتب المشكلة في وسط الورقة.",
        "اسأل لماذا تحدث: الأسباب في الأسفل، كالجذور.",
        "اسأل عمّا ينتج عنها: النتائج في الأعلى، كالأغصان.",
    ],
    event: [
        "اجتماعنا الأول",
        "اجتماع عبر الإنترنت لإعداد الموقع معًا.",
        "هذه الفعالية هي `{file}`. تظهر ضمن الفعاليات القادمة حتى موعد بدئها (`start`)، ثم ضمن الفعاليات السابقة؛ ويمكن للقراء إضافتها إلى تقويمهم.\n",
    ],
    online: "عبر الإنترنت",
};

fn texts(code: &str) -> &'static Texts {
    match code.split('-').next().unwrap_or("") {
        "fr" => &FR,
        "es" => &ES,
        "ar" => &AR,
        _ => &EN,
    }
}

/// A YAML scalar that any text survives: a JSON string is a YAML double-quoted string.
fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// `site.yaml` for a site in these languages (the first the default).
pub(super) fn site_yaml(codes: &[String]) -> String {
    let langs: Vec<Lang> = codes.iter().map(|c| lang(c)).collect();
    let first = texts(&langs[0].code);
    let mut out = format!(
        "# The site's settings; README.md of lore, \"site.yaml\", lists every key.\n\
         title: {}\n\
         description: {}\n\
         # base_url: https://example.org   # where the site is published; on GitHub Pages the\n\
         #                                 # workflow (.github/workflows/lore.yml) gives it\n\
         # repository: {{url: https://github.com/ORG/REPO, branch: main}}   # \"Propose a change\"\n\
         #                                 # links; on GitHub the workflow gives it too\n\
         languages:                        # the first is the default, served at /\n",
        quoted(first.title),
        quoted(first.description)
    );
    for l in &langs {
        out.push_str(&format!(
            "  - code: {}\n    name: {}\n",
            quoted(&l.code),
            quoted(&l.name)
        ));
        if l.dir == Direction::Rtl {
            out.push_str("    direction: rtl\n");
        }
    }
    out.push_str("menus:\n  main:\n");
    for (i, section) in SECTIONS.iter().enumerate() {
        out.push_str(&format!(
            "    - name: {}\n      url: /{section}/\n",
            quoted(first.menu[i])
        ));
        let names: Vec<String> = langs[1..]
            .iter()
            .map(|l| format!("{}: {}", quoted(&l.code), quoted(texts(&l.code).menu[i])))
            .collect();
        if !names.is_empty() {
            out.push_str(&format!("      names: {{{}}}\n", names.join(", ")));
        }
    }
    out
}

/// The pages of the new site in every language of `config`, plus the files pages offer.
/// `today` dates the pages and places the event 30 days ahead.
pub(super) fn pages(config: &Config, today: NaiveDate) -> Vec<StarterFile> {
    let mut files = Vec::new();
    for (i, l) in config.languages.iter().enumerate() {
        let suffix = if i == 0 {
            String::new()
        } else {
            format!(".{}", l.code)
        };
        for (stem, front, body) in page_texts(texts(&l.code), today) {
            let path = format!("content/{stem}{suffix}.md");
            let body = body.replace("{file}", &path);
            files.push(StarterFile {
                text: format!("---\n{front}---\n\n{body}").into_bytes(),
                path,
            });
        }
        let others = other_types(config, &suffix);
        // The home page links to each, so that none stands alone (an orphan on a fresh site).
        let home = format!("content/_index{suffix}.md");
        if let Some(home) = files.iter_mut().find(|f| f.path == home) {
            for other in &others {
                let rel = other.path.trim_start_matches("content/");
                let name = rel.rsplit('/').next().unwrap_or(rel);
                let title = name
                    .trim_end_matches(".md")
                    .trim_end_matches(suffix.as_str());
                home.text
                    .extend(format!("- [{}]({rel})\n", title.replace('-', " ")).bytes());
            }
        }
        files.extend(others);
    }
    files.push(StarterFile {
        path: "content/toolkits/files/meeting-notes-template.txt".into(),
        text:
            b"Meeting notes\n\nDate:\nPeople:\n\nWhat we decided:\n-\n\nWho does what, by when:\n-\n"
                .to_vec(),
    });
    files
}

/// (file stem under `content/`, front matter, body) of each starter page.
fn page_texts(t: &Texts, today: NaiveDate) -> Vec<(String, String, String)> {
    let date = format!("date: {today}\n");
    let start = today + Days::new(30);
    let steps: String = t
        .steps
        .iter()
        .map(|s| format!("  - {}\n", quoted(s)))
        .collect();
    let mut pages = vec![
        ("_index".into(), format!("title: {}\n{date}", quoted(t.home[0])), t.home[1].into()),
        ("about".into(), format!("title: {}\n{date}", quoted(t.about[0])), t.about[1].into()),
        (
            "guides/first-guide/_index".into(),
            format!(
                "title: {}\ndescription: {}\n{date}tags: [getting-started]\nlevel: introductory\n",
                quoted(t.guide[0]),
                quoted(t.guide[1])
            ),
            t.guide[2].into(),
        ),
        (
            "guides/first-guide/first-steps".into(),
            format!("title: {}\n{date}weight: 1\n", quoted(t.chapter[0])),
            t.chapter[1].into(),
        ),
        (
            "toolkits/starter-toolkit".into(),
            format!(
                "title: {}\ndescription: {}\n{date}tags: [getting-started]\ntools:\n  - name: {}\n    file: files/meeting-notes-template.txt\n    format: TXT\n",
                quoted(t.toolkit[0]),
                quoted(t.toolkit[1]),
                quoted(t.toolkit[3])
            ),
            t.toolkit[2].into(),
        ),
        (
            "techniques/problem-tree".into(),
            format!(
                "title: {}\npurpose: {}\n{date}time_required: {}\ngroup_size: 6-20\nmaterials: [{}]\ndifficulty: easy\nsteps:\n{steps}",
                quoted(t.technique[0]),
                quoted(t.technique[1]),
                quoted(t.time),
                t.materials.map(quoted).join(", ")
            ),
            t.technique[2].into(),
        ),
        (
            "events/first-meeting".into(),
            format!(
                "title: {}\ndescription: {}\n{date}start: {start}T09:00:00+00:00\nend: {start}T10:30:00+00:00\nlocation:\n  name: {}\n",
                quoted(t.event[0]),
                quoted(t.event[1]),
                quoted(t.online)
            ),
            t.event[2].into(),
        ),
    ];
    // Each section's list page, which the menu links to.
    for (i, section) in SECTIONS.into_iter().enumerate() {
        let front = format!(
            "title: {}\ndescription: {}\n",
            quoted(t.menu[i]),
            quoted(t.sections[i])
        );
        pages.push((format!("{section}/_index"), front, String::new()));
    }
    pages
}

/// The sections of the built-in types, in the order of [`Texts::menu`].
const SECTIONS: [&str; 4] = ["guides", "toolkits", "techniques", "events"];

/// A page for each type lore has beyond the ones above (written as `lore new` writes one).
fn other_types(config: &Config, suffix: &str) -> Vec<StarterFile> {
    const COVERED: [&str; 5] = ["page", "guide", "toolkit", "technique", "event"];
    config
        .types
        .values()
        .filter(|t| !COVERED.contains(&t.name.as_str()))
        .filter_map(|t| {
            let section = t.section.as_deref()?;
            let title = format!("A first {}", t.name);
            Some(StarterFile {
                path: format!("content/{section}/first-{}{suffix}.md", t.name),
                text: super::super::new::scaffold(config, &t.name, &title, false).into_bytes(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_get_their_own_names_and_direction() {
        let yaml = site_yaml(&["en".into(), "fr".into(), "ar".into(), "xx".into()]);
        let config = Config::parse(&yaml, std::path::Path::new(".")).expect("valid site.yaml");
        let langs: Vec<(&str, &str, Direction)> = config
            .languages
            .iter()
            .map(|l| (l.code.as_str(), l.name.as_str(), l.dir))
            .collect();
        assert_eq!(
            langs,
            [
                ("en", "English", Direction::Ltr),
                ("fr", "Français", Direction::Ltr),
                ("ar", "العربية", Direction::Rtl),
                ("xx", "xx", Direction::Ltr)
            ]
        );
        assert!(config.base_url_unset && config.repository.is_none());
        assert_eq!(config.menus["main"][0].names["ar"], "الأدلة");
    }
}
