/**
 * The motivated refusal notice, shared by every service. The Law of the Republic of Kazakhstan "On state services"
 * requires a refusal to be motivated: the notice names each ground with its legal reference (act, article,
 * paragraph) and the facts of the application that triggered it, and tells the applicant that the decision can be
 * appealed. The wording below is ours (a generic notice, not the annex of a particular act); a service whose act
 * fixes its own form of refusal declares that form as its own document instead.
 *
 * The Kazakh notice quotes the act's Kazakh words (`legalRef.quote`, as the seeds give them) when no {kk, ru} text
 * is given; the Russian notice never prints that Kazakh quote as if it were the Russian text of the act.
 * `legalRef.act` should be the act's title (the engine resolves act ids before rendering); an id prints as is.
 *
 * Each ground prints its citation as the law writes it (`legalRef.act` is the act record with its `citation`), its
 * fixed wording, and the fact that made it hold (`fact`, a sentence the engine rendered from the definition); the
 * officer's reasoning follows. Never a rule's path or a raw value.
 *
 * Context used: `refusal.grounds[]` ({ legalRef, text, message, fact }), `reasoning`, `application.number`,
 * `application.registeredAt`, `document.title` (the heading: the act's name for the notice), `service.label`,
 * `service.provider.label` (optional), `data.applicant.fullName` (optional), `now`.
 */

const KK = `<h1>{{#if document.title}}{{document.title}}{{else}}Мемлекеттік қызмет көрсетуден дәлелді бас тарту туралы хабарлама{{/if}}</h1>
{{#if data.applicant.fullName}}<p class="addressee">{{data.applicant.fullName}}</p>{{/if}}
<p>Мемлекеттік көрсетілетін қызмет: {{t service.label}}.</p>
{{#if service.provider.label}}<p>Көрсетілетін қызметті беруші: {{t service.provider.label}}.</p>{{/if}}
{{#if application.number}}<p>Өтініш № {{application.number}}.</p>{{/if}}
{{#if application.registeredAt}}<p>Өтініштің тіркелген күні: {{datetime application.registeredAt}}.</p>{{/if}}
<p>Сіздің өтінішіңіз бойынша мемлекеттік қызмет көрсетуден мына негіздер бойынша бас тартылады.</p>
<h2>Бас тарту негіздері</h2>
<ol class="grounds">
{{#each refusal.grounds}}
<li class="ground" data-ground-id="{{id}}">
<p class="legal-ref">{{legalRef legalRef}}</p>
{{#if text}}<blockquote>{{t text}}</blockquote>{{else if legalRef.text}}<blockquote>{{t legalRef.text}}</blockquote>{{else if legalRef.quote}}<blockquote>{{legalRef.quote}}</blockquote>{{/if}}
<p>{{t message}}</p>
{{#if fact}}<p class="fact">Бас тартуға негіз болған мән-жай: {{fact}}</p>{{/if}}
</li>
{{/each}}
</ol>
{{#if reasoning}}<h2>Шешімнің негіздемесі</h2>
<p class="reasoning">{{t reasoning}}</p>{{/if}}
<p>Шешімге Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасалуы мүмкін.</p>
<p class="signature">Күні: {{date now}}</p>
`;

const RU = `<h1>{{#if document.title}}{{document.title}}{{else}}Уведомление о мотивированном отказе в оказании государственной услуги{{/if}}</h1>
{{#if data.applicant.fullName}}<p class="addressee">{{data.applicant.fullName}}</p>{{/if}}
<p>Государственная услуга: {{t service.label}}.</p>
{{#if service.provider.label}}<p>Услугодатель: {{t service.provider.label}}.</p>{{/if}}
{{#if application.number}}<p>Заявление № {{application.number}}.</p>{{/if}}
{{#if application.registeredAt}}<p>Дата регистрации заявления: {{datetime application.registeredAt}}.</p>{{/if}}
<p>По Вашему заявлению в оказании государственной услуги отказано по следующим основаниям.</p>
<h2>Основания отказа</h2>
<ol class="grounds">
{{#each refusal.grounds}}
<li class="ground" data-ground-id="{{id}}">
<p class="legal-ref">{{legalRef legalRef}}</p>
{{#if text}}<blockquote>{{t text}}</blockquote>{{else if legalRef.text}}<blockquote>{{t legalRef.text}}</blockquote>{{/if}}
<p>{{t message}}</p>
{{#if fact}}<p class="fact">Обстоятельство, послужившее основанием для отказа: {{fact}}</p>{{/if}}
</li>
{{/each}}
</ol>
{{#if reasoning}}<h2>Обоснование решения</h2>
<p class="reasoning">{{t reasoning}}</p>{{/if}}
<p>Решение может быть обжаловано в порядке, установленном законодательством Республики Казахстан.</p>
<p class="signature">Дата: {{date now}}</p>
`;

/** Template texts of the motivated refusal notice, per document language. */
export const REFUSAL_NOTICE_TEMPLATES: Readonly<{ kk: string; ru: string }> = Object.freeze({ kk: KK, ru: RU });

/** The document id under which the runtime issues the refusal notice. */
export const REFUSAL_NOTICE_DOCUMENT_ID = 'refusal-notice';
