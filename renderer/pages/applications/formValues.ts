import type { Application, MethodInput, Route, UnitType } from '../../../electron/core/contract/index.js';

/** The form's values: the API's shape, loosely typed while the user types. */
export interface FormValues {
  applicant?: {
    name?: string;
    uscc?: string;
    unitType?: UnitType;
    legalRepresentative?: string;
    contact?: string;
    phone?: string;
    address?: string;
    district?: string;
    industry?: string;
  };
  route?: Route;
  recommendingDistrict?: string;
  proposedCenterName?: string;
  ipFigures?: Record<string, number | null | undefined>;
  team?: ({ name?: string; role?: string; title?: string; qualification?: string } | undefined)[];
  office?: { address?: string; areaM2?: number | null };
  narrative?: string;
  windowOverrideReason?: string;
}

type Form = Omit<MethodInput<'applications.saveDraft'>, 'id'>;
const s = (v: string | undefined): string => (v ?? '').trim();

/** Form values -> API input (empty counts dropped, team rows without a name skipped). */
export function toApiForm(v: FormValues): Form & { applicant: { name: string; uscc: string } } {
  const a = v.applicant ?? {};
  const route = v.route ?? 'voluntary';
  const ipFigures = Object.fromEntries(Object.entries(v.ipFigures ?? {}).filter(([, n]) => typeof n === 'number')) as Form['ipFigures'];
  return {
    applicant: {
      name: s(a.name),
      uscc: s(a.uscc),
      ...(a.unitType ? { unitType: a.unitType } : {}),
      legalRepresentative: s(a.legalRepresentative),
      contact: s(a.contact),
      phone: s(a.phone),
      address: s(a.address),
      district: s(a.district),
      industry: s(a.industry),
    },
    route,
    recommendingDistrict: route === 'recommended' ? s(v.recommendingDistrict) : '',
    proposedCenterName: s(v.proposedCenterName),
    ipFigures,
    team: (v.team ?? [])
      .filter((m) => s(m?.name))
      .map((m) => ({ name: s(m?.name), role: s(m?.role), title: s(m?.title), qualification: s(m?.qualification) })),
    office: { address: s(v.office?.address), areaM2: typeof v.office?.areaM2 === 'number' ? v.office.areaM2 : null },
    narrative: v.narrative ?? '',
  };
}

/** A stored application -> form values. */
export function fromApplication(app: Application): FormValues {
  const a = app.applicant;
  return {
    applicant: { ...a, ...(a.district ? {} : { district: undefined }), ...(a.industry ? {} : { industry: undefined }) },
    route: app.route,
    recommendingDistrict: app.recommendingDistrict || undefined,
    proposedCenterName: app.proposedCenterName,
    ipFigures: { ...app.ipFigures },
    team: app.team.map((m) => ({ ...m })),
    office: { ...app.office },
    narrative: app.narrative,
  };
}

export const EMPTY_FORM: FormValues = { route: 'voluntary', team: [], ipFigures: {}, office: { address: '', areaM2: null }, narrative: '' };
