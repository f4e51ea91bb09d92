"use client";

import { UnavailablePage } from "@lotbridge/ui/unavailable-page";

export default UnavailablePage;
